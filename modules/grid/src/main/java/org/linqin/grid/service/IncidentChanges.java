package org.linqin.grid.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
 * Incident changes across every server replica through PostgreSQL LISTEN/NOTIFY: a change is notified inside the
 * transaction that makes it (so only committed changes are told), and each replica listens on a connection of its
 * own and passes what it hears to its subscribers.
 */
@ApplicationScoped
public class IncidentChanges {

    static final String CHANNEL = "linqin_incidents";
    private static final Logger LOG = Logger.getLogger(IncidentChanges.class);

    /** An incident changed: which community and which incident. */
    public record Change(String communityCode, long incidentId) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private volatile boolean running = true;
    private Thread listener;

    void start(@Observes StartupEvent event) {
        listener = new Thread(this::listen, "incident-changes-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Tells every replica, when the current transaction commits, that the incident changed. */
    public void publish(String communityCode, long incidentId) {
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, communityCode + ":" + incidentId).getSingleResult();
    }

    public Multi<Change> stream() {
        return changes;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        String[] parts = notification.getParameter().split(":", 2);
                        changes.onNext(new Change(parts[0], Long.parseLong(parts[1])));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("Incident change listener lost its connection; listening again in 1 s", e);
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
