package org.linqin.culturalevent.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.signup.SignUpList;
import org.linqin.core.signup.SignUps;
import org.linqin.culturalevent.model.TicketKind;

/** What is left of each ticket kind and how many came: for event pages and the live subscription. */
@ApplicationScoped
public class LiveFigures {

    /** A ticket kind with its kernel list (quota and places taken) and how many wait. */
    public record Availability(TicketKind ticketKind, SignUpList list, long waiting) {
    }

    /** An event's availability and people checked in. */
    public record Live(long eventId, List<Availability> ticketKinds, int checkedInPeople) {
    }

    @Inject
    EventService events;

    @Inject
    SignUps signUps;

    /** Every ticket kind of the sub-events, in three statements. */
    public List<Availability> availability(Collection<Long> subEventIds) {
        List<TicketKind> kinds = events.ticketKinds(subEventIds);
        List<Long> listIds = kinds.stream().map(t -> t.listId).toList();
        Map<Long, SignUpList> lists = signUps.lists(listIds).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Map<Long, Long> waiting = signUps.waitingCounts(listIds);
        return kinds.stream().map(t -> new Availability(t, lists.get(t.listId), waiting.getOrDefault(t.listId, 0L)))
                .toList();
    }

    public Live of(long eventId) {
        List<Long> subs = events.subEvents(List.of(eventId), true).stream().map(s -> s.id).toList();
        return new Live(eventId, availability(subs), events.checkedInPeople(eventId));
    }
}
