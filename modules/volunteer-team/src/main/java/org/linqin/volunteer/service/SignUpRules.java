package org.linqin.volunteer.service;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.linqin.core.i18n.Msg;

/**
 * Why a member may not take a shift, checked in a fixed order so the answer names the first rule broken. Pure: the
 * service gathers the facts.
 */
public final class SignUpRules {

    /** A refusal: the stable reason code (as {@code extensions.reason}) and a message for people. */
    public record Refusal(String reason, Msg message) {
    }

    /** A shift's time. */
    public record Span(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        long minutes() {
            return Duration.between(startsAt, endsAt).toMinutes();
        }

        boolean overlaps(Span other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }
    }

    /** The community's limits. */
    public record Limits(long signUpClosesMinutes, long dailyHoursCap, long weeklyHoursCap, ZoneId zone) {
    }

    private SignUpRules() {
    }

    /**
     * @param selfService the member signs up themselves (false when a leader assigns: open, time and self-sign-up
     *                    rules do not apply)
     * @param heldShifts  the member's other shifts (confirmed or waiting) in the week of this one
     */
    public static Optional<Refusal> check(Span shift, boolean shiftOpen, boolean selfSignUp, boolean selfService,
            boolean activeMember, Collection<String> skills, List<String> requirements, List<Span> heldShifts,
            Limits limits, OffsetDateTime now) {
        if (!shiftOpen) {
            return refuse("CLOSED", Msg.of("volunteer.signUpRules.shiftCancelled"));
        }
        if (selfService && !selfSignUp) {
            return refuse("CLOSED", Msg.of("volunteer.signUpRules.placesShiftAssignedTeam"));
        }
        if (!now.isBefore(shift.startsAt().minusMinutes(limits.signUpClosesMinutes()))) {
            return refuse("TOO_LATE",
                    Msg.of("volunteer.signUpRules.signUpClosedMinutes", limits.signUpClosesMinutes()));
        }
        if (!activeMember) {
            return refuse("NOT_MEMBER", Msg.of("volunteer.signUpRules.onlyMembersTeamTake"));
        }
        List<String> missing = requirements.stream().filter(r -> !skills.contains(r)).toList();
        if (!missing.isEmpty()) {
            return refuse("REQUIREMENT_MISSING",
                    Msg.of("volunteer.signUpRules.shiftRequiresAddYour", String.join(", ", missing)));
        }
        for (Span held : heldShifts) {
            if (held.overlaps(shift)) {
                return refuse("OVERLAP",
                        Msg.of("volunteer.signUpRules.overlapsYourShift", held.startsAt(), held.endsAt()));
            }
        }
        LocalDate day = shift.startsAt().atZoneSameInstant(limits.zone()).toLocalDate();
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long dayMinutes = shift.minutes();
        long weekMinutes = shift.minutes();
        for (Span held : heldShifts) {
            LocalDate heldDay = held.startsAt().atZoneSameInstant(limits.zone()).toLocalDate();
            if (heldDay.equals(day)) {
                dayMinutes += held.minutes();
            }
            if (!heldDay.isBefore(monday) && heldDay.isBefore(monday.plusWeeks(1))) {
                weekMinutes += held.minutes();
            }
        }
        if (dayMinutes > limits.dailyHoursCap() * 60) {
            return refuse("OVER_DAILY_CAP",
                    Msg.of("volunteer.signUpRules.wouldTakeYouHours", hours(dayMinutes), day, limits.dailyHoursCap()));
        }
        if (weekMinutes > limits.weeklyHoursCap() * 60) {
            return refuse("OVER_WEEKLY_CAP",
                    Msg.of("volunteer.signUpRules.wouldTakeYouHours2",
                            hours(weekMinutes), monday, limits.weeklyHoursCap()));
        }
        return Optional.empty();
    }

    /** The first instant of the week (Monday, community time) that holds {@code at}, and the instant a week later. */
    public static Span weekOf(OffsetDateTime at, ZoneId zone) {
        LocalDate monday = at.atZoneSameInstant(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Span(monday.atStartOfDay(zone).toOffsetDateTime(), monday.plusWeeks(1).atStartOfDay(zone).toOffsetDateTime());
    }

    private static String hours(long minutes) {
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }

    private static Optional<Refusal> refuse(String reason, Msg message) {
        return Optional.of(new Refusal(reason, message));
    }
}
