package org.linqin.volunteer.service;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How long someone served on a shift: from check-in to check-out, counted only inside the shift's time. */
public final class Attendance {

    private Attendance() {
    }

    /**
     * Whole minutes between {@code in} and {@code out}, both clamped to [{@code start}, {@code end}]; an instant
     * is an instant, so a shift across midnight or offsets other than the community's count correctly.
     */
    public static int minutesServed(OffsetDateTime start, OffsetDateTime end, OffsetDateTime in, OffsetDateTime out) {
        OffsetDateTime from = in.isBefore(start) ? start : in;
        OffsetDateTime to = out.isAfter(end) ? end : out;
        return to.isAfter(from) ? (int) Duration.between(from, to).toMinutes() : 0;
    }
}
