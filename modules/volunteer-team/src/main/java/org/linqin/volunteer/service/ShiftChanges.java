package org.linqin.volunteer.service;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.core.events.ChangeBus;
import org.linqin.core.tenancy.CommunityContext;

import io.smallrye.mutiny.Multi;

/**
 * Shift changes across every server replica, on the kernel's change bus: told inside the transaction that makes
 * them, so subscribers hear only committed changes.
 */
@ApplicationScoped
public class ShiftChanges {

    static final String TOPIC = "volunteer-shift";

    /** What happened to a shift. */
    @Name("VolunteerShiftChangeKind")
    @Description("What happened to a shift (班次变动).")
    public enum Kind {
        @Description("New shifts of one of your teams (the first of a series). 新排班")
        SCHEDULED,
        @Description("A shift of one of your teams was cancelled. 班次取消")
        CANCELLED,
        @Description("Your own sign-up changed: you were assigned, or moved up from the waiting list. 报名变动")
        SIGN_UP_CHANGED
    }

    /** A change: the shift, its team, and the people whose own sign-up changed (for SIGN_UP_CHANGED). */
    public record Change(String communityCode, Kind kind, long shiftId, long teamId, List<Long> people) {
    }

    @Inject
    ChangeBus bus;

    @Inject
    CommunityContext context;

    public void publish(Kind kind, long shiftId, long teamId, List<Long> people) {
        bus.publish(TOPIC, context.require() + "|" + kind + "|" + shiftId + "|" + teamId + "|"
                + people.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    public Multi<Change> stream() {
        return bus.on(TOPIC).map(payload -> {
            String[] parts = payload.split("\\|", -1);
            List<Long> people = parts[4].isEmpty() ? List.of()
                    : Arrays.stream(parts[4].split(",")).map(Long::valueOf).toList();
            return new Change(parts[0], Kind.valueOf(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    people);
        });
    }
}
