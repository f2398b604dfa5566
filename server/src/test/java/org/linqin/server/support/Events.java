package org.linqin.server.support;

import static org.linqin.server.support.Api.ok;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Fixtures of the cultural-event module, made through the API as a client would. */
public final class Events {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String CREATE = "mutation($in: CulturalEventInput!) { createCulturalEvent(input: $in) { id title "
            + "state visibility subEvents { id title startsAt endsAt venueName roomId bookingId ticketKinds { id name } } } }";
    public static final String PUBLISH = "mutation($id: ID!, $a: Boolean) { publishCulturalEvent(id: $id, announce: $a) "
            + "{ id state publishedAt subEvents { id bookingId } } }";
    public static final String REGISTER = "mutation($s: ID!, $t: ID!, $p: Int) { registerForCulturalEvent(input: "
            + "{subEventId: $s, ticketKindId: $t, partySize: $p}) { id state ticketCode partySize } }";

    /** An event as created: its id and title, and its first sub-event with its first ticket kind. */
    public record Event(String id, String title, String subEventId, String subEventTitle, String ticketKindId,
            OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    private Events() {
    }

    /** 10:00 local time, {@code days} days from today. */
    public static OffsetDateTime at(int days) {
        return LocalDate.now(ZONE).plusDays(days).atTime(10, 0).atZone(ZONE).toOffsetDateTime();
    }

    /** A sub-event of two hours at a named venue (no room, no place) with one ticket kind of {@code quota} places. */
    public static Map<String, Object> subEvent(String title, OffsetDateTime startsAt, int quota) {
        Map<String, Object> sub = new HashMap<>();
        sub.put("title", title);
        sub.put("startsAt", startsAt.toString());
        sub.put("endsAt", startsAt.plusHours(2).toString());
        sub.put("venueName", "小区花园");
        sub.put("ticketKinds", List.of(Map.of("name", "普通", "quota", quota, "maxPartySize", 4)));
        return sub;
    }

    /** The input of an event of one sub-event, titled with {@code prefix} and a UUID (unique across tests). */
    public static Map<String, Object> input(String prefix, String visibility, String category, int days) {
        String unique = UUID.randomUUID().toString();
        Map<String, Object> input = new HashMap<>();
        input.put("title", prefix + "-" + unique);
        input.put("description", "测试活动");
        input.put("category", category);
        input.put("visibility", visibility);
        input.put("subEvents", List.of(subEvent("场次-" + unique, at(days), 20)));
        return input;
    }

    /** Creates a draft as {@code organiser} (a community's admin, committee member or property staff). */
    public static Event create(Api organiser, Map<String, Object> input) {
        JsonPath created = ok(organiser.gql(CREATE, Map.of("in", input)));
        return new Event(created.getString("data.createCulturalEvent.id"),
                created.getString("data.createCulturalEvent.title"),
                created.getString("data.createCulturalEvent.subEvents[0].id"),
                created.getString("data.createCulturalEvent.subEvents[0].title"),
                created.getString("data.createCulturalEvent.subEvents[0].ticketKinds[0].id"),
                OffsetDateTime.parse(created.getString("data.createCulturalEvent.subEvents[0].startsAt")),
                OffsetDateTime.parse(created.getString("data.createCulturalEvent.subEvents[0].endsAt")));
    }

    public static void publish(Api organiser, String eventId, boolean announce) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", eventId);
        variables.put("a", announce);
        ok(organiser.gql(PUBLISH, variables));
    }

    /** A draft of changqing-6 by its community admin. */
    public static Event draft(String prefix, String visibility) {
        return create(Api.as("community-admin"), input(prefix, visibility, "CULTURE", 20));
    }

    /** A published event of changqing-6 (no notice posted). */
    public static Event published(String prefix, String visibility, String category) {
        Event event = create(Api.as("community-admin"), input(prefix, visibility, category, 20));
        publish(Api.as("community-admin"), event.id(), false);
        return event;
    }

    /** Registers the demo user for the event's first sub-event; returns {id, state, ticketCode}. */
    public static Map<String, String> register(String username, Event event) {
        JsonPath registered = ok(Api.as(username).gql(REGISTER, Map.of("s", event.subEventId(),
                "t", event.ticketKindId(), "p", 1)));
        return Map.of("id", registered.getString("data.registerForCulturalEvent.id"),
                "state", registered.getString("data.registerForCulturalEvent.state"),
                "ticketCode", registered.getString("data.registerForCulturalEvent.ticketCode"));
    }
}
