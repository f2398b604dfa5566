package org.linqin.culturalevent.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.events.ChangeBus;
import org.linqin.core.tenancy.CommunityContext;

import io.smallrye.mutiny.Multi;

/**
 * "Something changed at this event" (places taken or freed, tickets scanned) across every server replica, on the
 * kernel's change bus, told inside the transaction that makes the change so subscribers hear only committed ones.
 */
@ApplicationScoped
public class EventChanges {

    static final String TOPIC = "cultural-event";

    /** An event of a community whose availability or check-in counts changed. */
    public record Change(String communityCode, long eventId) {
    }

    @Inject
    ChangeBus bus;

    @Inject
    CommunityContext context;

    public void publish(long eventId) {
        bus.publish(TOPIC, context.require() + "|" + eventId);
    }

    public Multi<Change> stream() {
        return bus.on(TOPIC).map(payload -> {
            int bar = payload.lastIndexOf('|');
            return new Change(payload.substring(0, bar), Long.parseLong(payload.substring(bar + 1)));
        });
    }
}
