package org.linqin.volunteer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class AttendanceTest {

    static OffsetDateTime t(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void minutesCountFromCheckInToCheckOutWithinTheShift() {
        assertThat(Attendance.minutesServed(t("2026-12-07T09:00:00+08:00"), t("2026-12-07T12:00:00+08:00"),
                t("2026-12-07T09:10:00+08:00"), t("2026-12-07T11:40:00+08:00"))).isEqualTo(150);
        // early arrival and late departure count only the shift
        assertThat(Attendance.minutesServed(t("2026-12-07T09:00:00+08:00"), t("2026-12-07T12:00:00+08:00"),
                t("2026-12-07T08:30:00+08:00"), t("2026-12-07T13:00:00+08:00"))).isEqualTo(180);
        // checked out before the start: nothing
        assertThat(Attendance.minutesServed(t("2026-12-07T09:00:00+08:00"), t("2026-12-07T12:00:00+08:00"),
                t("2026-12-07T08:30:00+08:00"), t("2026-12-07T08:50:00+08:00"))).isZero();
    }

    @Test
    void acrossMidnightAndOffsets() {
        // 23:00 to 01:00 in Shanghai; check-in 23:30 Shanghai, check-out given in UTC (00:45 Shanghai)
        assertThat(Attendance.minutesServed(t("2026-12-07T23:00:00+08:00"), t("2026-12-08T01:00:00+08:00"),
                t("2026-12-07T23:30:00+08:00"), t("2026-12-07T16:45:00Z"))).isEqualTo(75);
    }
}
