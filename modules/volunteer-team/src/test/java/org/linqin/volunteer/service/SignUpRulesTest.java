package org.linqin.volunteer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.linqin.volunteer.service.SignUpRules.Limits;
import org.linqin.volunteer.service.SignUpRules.Refusal;
import org.linqin.volunteer.service.SignUpRules.Span;

class SignUpRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Limits LIMITS = new Limits(30, 8, 20, SHANGHAI);
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T08:00:00+08:00");

    static Span span(String from, String to) {
        return new Span(OffsetDateTime.parse(from), OffsetDateTime.parse(to));
    }

    static Optional<String> reason(Span shift, List<String> skills, List<String> requirements, List<Span> held) {
        return SignUpRules.check(shift, true, true, true, true, skills, requirements, held, LIMITS, NOW)
                .map(Refusal::reason);
    }

    static final Span MONDAY_MORNING = span("2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00");

    @Test
    void aFreeMemberWithTheSkillsMayTakeTheShift() {
        assertThat(reason(MONDAY_MORNING, List.of("first-aid"), List.of("first-aid"), List.of())).isEmpty();
    }

    @Test
    void theFirstRuleBrokenIsNamed() {
        assertThat(SignUpRules.check(MONDAY_MORNING, false, true, true, false, List.of(), List.of(), List.of(), LIMITS,
                NOW).map(Refusal::reason)).contains("CLOSED");
        assertThat(SignUpRules.check(MONDAY_MORNING, true, false, true, true, List.of(), List.of(), List.of(), LIMITS,
                NOW).map(Refusal::reason)).contains("CLOSED");
        // a leader assigning is not bound by self sign-up or the closing time
        assertThat(SignUpRules.check(MONDAY_MORNING, true, false, false, true, List.of(), List.of(), List.of(), LIMITS,
                OffsetDateTime.MIN)).isEmpty();
        assertThat(SignUpRules.check(MONDAY_MORNING, true, true, true, false, List.of(), List.of(), List.of(), LIMITS,
                NOW).map(Refusal::reason)).contains("NOT_MEMBER");
        assertThat(reason(MONDAY_MORNING, List.of("patrol"), List.of("first-aid", "patrol"), List.of()))
                .contains("REQUIREMENT_MISSING");
    }

    @Test
    void signUpClosesBeforeTheStart() {
        Span soon = span("2026-12-01T08:29:00+08:00", "2026-12-01T09:00:00+08:00");
        assertThat(reason(soon, List.of(), List.of(), List.of())).contains("TOO_LATE");
        Span justInTime = span("2026-12-01T08:31:00+08:00", "2026-12-01T09:00:00+08:00");
        assertThat(reason(justInTime, List.of(), List.of(), List.of())).isEmpty();
    }

    @Test
    void overlapsAreRefusedButTouchingShiftsAreNot() {
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(),
                List.of(span("2026-12-07T11:59:00+08:00", "2026-12-07T13:00:00+08:00")))).contains("OVERLAP");
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(),
                List.of(span("2026-12-07T12:00:00+08:00", "2026-12-07T13:00:00+08:00")))).isEmpty();
    }

    @Test
    void daysAndWeeksAreTheCommunitysOwn() {
        // 6 hours the same Shanghai day (though the UTC day before): 3 + 6 > 8
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(),
                List.of(span("2026-12-07T01:00:00+08:00", "2026-12-07T07:00:00+08:00")))).contains("OVER_DAILY_CAP");
        // the Sunday before in Shanghai is another day and another week
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(),
                List.of(span("2026-12-06T15:00:00+08:00", "2026-12-06T23:00:00+08:00")))).isEmpty();
        // 3 + 8 + 8 + 2 = 21 hours in one Monday-to-Sunday week
        List<Span> week = List.of(span("2026-12-08T08:00:00+08:00", "2026-12-08T16:00:00+08:00"),
                span("2026-12-09T08:00:00+08:00", "2026-12-09T16:00:00+08:00"),
                span("2026-12-13T20:00:00+08:00", "2026-12-13T22:00:00+08:00"));
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(), week)).contains("OVER_WEEKLY_CAP");
        assertThat(reason(MONDAY_MORNING, List.of(), List.of(), week.subList(0, 2))).isEmpty();
    }

    @Test
    void theWeekStartsOnMondayMidnightCommunityTime() {
        Span week = SignUpRules.weekOf(OffsetDateTime.parse("2026-12-06T17:00:00Z"), SHANGHAI); // Monday 01:00 there
        assertThat(week.startsAt()).isEqualTo(OffsetDateTime.parse("2026-12-07T00:00:00+08:00"));
        assertThat(week.endsAt()).isEqualTo(OffsetDateTime.parse("2026-12-14T00:00:00+08:00"));
    }
}
