package org.linqin.core.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Changes told to every server replica through PostgreSQL LISTEN/NOTIFY, for the kernel and every module (live
 * subscriptions, caches that must forget): a change is published inside the transaction that makes it, so only
 * committed changes are told, and each replica listens on one connection of its own. Each change has a topic
 * (e.g. {@code incident}, {@code modules}) and a text payload.
 */
@ApplicationScoped
public class ChangeBus {

    static final String CHANNEL = "linqin_changes";
    static final int SUBSCRIBER_BUFFER = 10_000;
    private static final Logger LOG = Logger.getLogger(ChangeBus.class);

    /** One change: its topic and payload. */
    public record Change(String topic, String payload) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final List<Runnable> onListening = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "change-bus-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Tells every replica, when the current transaction commits, that {@code topic} changed. */
    public void publish(String topic, String payload) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, topic + "|" + payload).getSingleResult();
    }

    /**
     * The changes of one topic, as they are heard (payloads). Each subscriber has a buffer of its own: the broadcast
     * fails a subscriber that has not yet asked for the next change, and a live subscription that looks each change
     * up in the database falls behind for a moment under load. One that falls {@value #SUBSCRIBER_BUFFER} changes
     * behind fails, and its client subscribes again and catches up.
     */
    public Multi<String> on(String topic) {
        return changes.filter(change -> change.topic().equals(topic)).map(Change::payload)
                .onOverflow().buffer(SUBSCRIBER_BUFFER);
    }

    /**
     * Runs {@code action} each time this replica starts listening (again): changes made while it was not listening
     * were not heard, so caches should forget everything then.
     */
    public void whenListening(Runnable action) {
        onListening.add(action);
    }

    void heard(Change change) {
        changes.onNext(change);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                onListening.forEach(Runnable::run);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        String[] parts = notification.getParameter().split("\\|", 2);
                        heard(new Change(parts[0], parts.length > 1 ? parts[1] : ""));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Change listener lost its connection; listening again in 1 s", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
