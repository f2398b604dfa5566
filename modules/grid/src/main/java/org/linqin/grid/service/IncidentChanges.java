package org.linqin.grid.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.events.ChangeBus;

import io.smallrye.mutiny.Multi;

/**
 * Incident changes across every server replica, on the kernel's change bus (PostgreSQL LISTEN/NOTIFY): a change is
 * told inside the transaction that makes it, so only committed changes reach subscribers.
 */
@ApplicationScoped
public class IncidentChanges {

    static final String TOPIC = "incident";

    /** An incident changed: which community and which incident. */
    public record Change(String communityCode, long incidentId) {
    }

    @Inject
    ChangeBus bus;

    /** Tells every replica, when the current transaction commits, that the incident changed. */
    public void publish(String communityCode, long incidentId) {
        bus.publish(TOPIC, communityCode + ":" + incidentId);
    }

    public Multi<Change> stream() {
        return bus.on(TOPIC).map(payload -> {
            String[] parts = payload.split(":", 2);
            return new Change(parts[0], Long.parseLong(parts[1]));
        });
    }
}
