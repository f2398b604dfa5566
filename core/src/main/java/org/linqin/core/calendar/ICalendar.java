package org.linqin.core.calendar;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes an iCalendar (RFC 5545) feed: times in UTC, text escaped, lines ended with CRLF. */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final StringBuilder ics = new StringBuilder();
    private final String stamp = UTC.format(OffsetDateTime.now(ZoneOffset.UTC));

    private ICalendar() {
    }

    /** A calendar named {@code name}, made by {@code product} (e.g. "Facility booking"). */
    public static ICalendar named(String name, String product) {
        ICalendar calendar = new ICalendar();
        calendar.ics.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linqin//").append(escape(product))
                .append("//ZH\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:").append(escape(name)).append("\r\n");
        return calendar;
    }

    /** Adds an event; {@code location} and {@code description} may be null. */
    public ICalendar event(String uid, OffsetDateTime startsAt, OffsetDateTime endsAt, String summary,
            String location, String description) {
        ics.append("BEGIN:VEVENT\r\nUID:").append(uid).append("@linqin\r\nDTSTAMP:").append(stamp)
                .append("\r\nDTSTART:").append(UTC.format(startsAt.withOffsetSameInstant(ZoneOffset.UTC)))
                .append("\r\nDTEND:").append(UTC.format(endsAt.withOffsetSameInstant(ZoneOffset.UTC)))
                .append("\r\nSUMMARY:").append(escape(summary)).append("\r\n");
        if (location != null) {
            ics.append("LOCATION:").append(escape(location)).append("\r\n");
        }
        if (description != null) {
            ics.append("DESCRIPTION:").append(escape(description)).append("\r\n");
        }
        ics.append("END:VEVENT\r\n");
        return this;
    }

    public String end() {
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "")
                .replace("\n", "\\n");
    }
}
