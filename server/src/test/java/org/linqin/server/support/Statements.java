package org.linqin.server.support;

import java.util.function.IntConsumer;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;

/**
 * The SQL statements a request prepares. Hibernate's statistics count the whole server, so the scheduled jobs are
 * paused while measuring and the fewest of three runs counts: a job already under way, or a cache reloading after a
 * change notification, adds statements to one run that are not the request's. A count that grows with the rows grows
 * in every run.
 */
public final class Statements {

    private static final int RUNS = 3;

    private Statements() {
    }

    /** The fewest statements of three runs of the same request. */
    public static long fewestOf(Runnable request) {
        return fewestOf(run -> request.run());
    }

    /** The fewest statements of three runs, each told its number (0 to 2) so it can vary its input. */
    public static long fewestOf(IntConsumer request) {
        Statistics statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        scheduler.pause();
        try {
            long fewest = Long.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                statistics.clear();
                request.accept(run);
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
            return fewest;
        } finally {
            scheduler.resume();
        }
    }
}
