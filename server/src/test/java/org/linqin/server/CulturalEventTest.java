package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.ok;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Rooms;
import org.linqin.server.support.Volunteers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Events from draft to closing, as organisers, residents and scanners meet them over HTTP. */
@QuarkusTest
class CulturalEventTest {

    static final String COMMUNITY = "changqing-6";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CREATE = "mutation($i: CulturalEventInput!) { createCulturalEvent(input: $i) { id state "
            + "subEvents { id ticketKinds { id name quota free } } } }";
    static final String REGISTER = "mutation($s: ID!, $t: ID!, $p: Int, $a: [EventAnswerInput]) { "
            + "registerForCulturalEvent(input: {subEventId: $s, ticketKindId: $t, partySize: $p, answers: $a}) "
            + "{ id state ticketCode offerExpiresAt waitingPosition partySize } }";
    static final String MINE = "{ myCulturalEventRegistrations(first: 100) { edges { node { id state "
            + "waitingPosition offerExpiresAt } } } }";
    private static final AtomicInteger DAYS = new AtomicInteger(3);

    @Inject
    AgroalDataSource db;

    @Inject
    SignUps signUps;

    @Inject
    CommunityScope scope;

    /** A draft event, its first sub-event and ticket kinds: {event, sub, ticket, ticket2?}. */
    record Created(String event, String sub, List<String> tickets) {
    }

    /** A distinct day ahead for each event, so venues of different tests never meet. */
    static LocalDate nextDay() {
        return LocalDate.now(ZONE).plusDays(DAYS.getAndIncrement() % 25 + 2);
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    static Map<String, Object> ticket(String name, int quota, int maxParty) {
        return Map.of("name", name, "quota", quota, "maxPartySize", maxParty);
    }

    static Map<String, Object> subEvent(OffsetDateTime start, OffsetDateTime end, List<Map<String, Object>> tickets) {
        Map<String, Object> sub = new HashMap<>();
        sub.put("title", "场次-" + UUID.randomUUID());
        sub.put("startsAt", start.toString());
        sub.put("endsAt", end.toString());
        sub.put("ticketKinds", tickets);
        return sub;
    }

    static Map<String, Object> event(String visibility, Map<String, Object> sub) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "活动-" + UUID.randomUUID());
        input.put("category", "CULTURE");
        input.put("visibility", visibility);
        input.put("subEvents", List.of(sub));
        return input;
    }

    static Created create(Map<String, Object> input) {
        JsonPath created = ok(Api.as("community-admin").gql(CREATE, Map.of("i", input)));
        return new Created(created.getString("data.createCulturalEvent.id"),
                created.getString("data.createCulturalEvent.subEvents[0].id"),
                created.getList("data.createCulturalEvent.subEvents[0].ticketKinds.id"));
    }

    static JsonPath publish(String event) {
        return Api.as("community-admin").gql("mutation($e: ID!) { publishCulturalEvent(id: $e, announce: false) "
                + "{ id state } }", Map.of("e", event));
    }

    /** A published PUBLIC event of one sub-event tomorrow-ish with one ticket kind. */
    static Created published(int quota, int maxParty, boolean waitingList) {
        LocalDate day = nextDay();
        Map<String, Object> input = event("PUBLIC", subEvent(at(day, 10), at(day, 12),
                List.of(ticket("普通", quota, maxParty))));
        input.put("waitingList", waitingList);
        Created created = create(input);
        ok(publish(created.event()));
        return created;
    }

    static JsonPath register(String user, Created event, int party) {
        return Api.as(user).gql(REGISTER, vars("s", event.sub(), "t", event.tickets().get(0), "p", party));
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String reason(JsonPath response) {
        return response.getString("errors[0].extensions.reason");
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theLiveSubscriptionSendsAvailabilityAtOnceAndOnEachChange() throws Exception {
        Created event = published(5, 2, true);
        java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Api.token("resident")).subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText("{\"type\":\"connection_init\"}", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).contains("connection_ack");
            socket.sendText("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription($e: ID!) "
                    + "{ culturalEventLive(eventId: $e) { ticketKinds { free } checkedInPeople } }\",\"variables\":"
                    + "{\"e\":\"" + event.event() + "\"}}}", true).get(10, TimeUnit.SECONDS);
            String first = received.poll(10, TimeUnit.SECONDS);
            assertThat(first).as("the state at once").contains("\"next\"").contains("\"free\":5");
            ok(register("volunteer", event, 2));
            String changed = received.poll(10, TimeUnit.SECONDS);
            assertThat(changed).as("after a registration").contains("\"next\"").contains("\"free\":3");
        } finally {
            socket.abort();
        }
    }

    @Test
    void organisersDraftAndPublishResidentsCannot() {
        LocalDate day = nextDay();
        Map<String, Object> input = event("PUBLIC", subEvent(at(day, 10), at(day, 11), List.of(ticket("普通", 10, 1))));
        assertThat(Api.codes(Api.as("resident").gql(CREATE, Map.of("i", input)))).containsExactly("FORBIDDEN");
        Created created = create(input);
        // a draft is the organisers' alone
        assertThat(Api.codes(Api.as("resident").gql("query($e: ID!) { culturalEvent(id: $e) { id } }",
                vars("e", created.event())))).containsExactly("NOT_FOUND");
        assertThat(Api.codes(Api.as("resident").gql("mutation($e: ID!) { publishCulturalEvent(id: $e) { id } }",
                vars("e", created.event())))).containsExactly("FORBIDDEN");
        ok(publish(created.event()));
        JsonPath seen = ok(Api.anonymous().in(COMMUNITY).gql("query($e: ID!) { culturalEvent(id: $e) { state "
                + "subEvents { ticketKinds { quota free waiting } } } }", vars("e", created.event())));
        assertThat(seen.getString("data.culturalEvent.state")).isEqualTo("PUBLISHED");
        assertThat(seen.getInt("data.culturalEvent.subEvents[0].ticketKinds[0].free")).isEqualTo(10);
        // publishing twice is a state conflict
        assertThat(reason(publish(created.event()))).isEqualTo("EVENT_PUBLISHED");
    }

    @Test
    void badDraftsAreRefusedWithTheFieldsNamed() {
        LocalDate day = nextDay();
        Map<String, Object> past = event("PUBLIC", subEvent(OffsetDateTime.now().minusHours(2),
                OffsetDateTime.now().minusHours(1), List.of(ticket("普通", 10, 1))));
        JsonPath refused = Api.as("community-admin").gql(CREATE, Map.of("i", past));
        assertThat(Api.codes(refused)).containsExactly("VALIDATION_FAILED");
        assertThat(refused.getString("errors[0].extensions.fields[0].field")).contains("startsAt");
        Map<String, Object> twice = event("PUBLIC", subEvent(at(day, 10), at(day, 11),
                List.of(ticket("普通", 10, 1), ticket("普通", 5, 1))));
        assertThat(Api.codes(Api.as("community-admin").gql(CREATE, Map.of("i", twice)))).containsExactly("VALIDATION_FAILED");
        Map<String, Object> badChoice = event("PUBLIC", subEvent(at(day, 10), at(day, 11), List.of(ticket("普通", 10, 1))));
        badChoice.put("questions", List.of(Map.of("key", "size", "label", "尺码", "kind", "CHOICE", "choices", List.of("M"))));
        assertThat(Api.codes(Api.as("community-admin").gql(CREATE, Map.of("i", badChoice)))).containsExactly("VALIDATION_FAILED");
        Map<String, Object> edition = event("PUBLIC", subEvent(at(day, 10), at(day, 11), List.of(ticket("普通", 10, 1))));
        edition.put("editionYear", 2030);
        assertThat(Api.codes(Api.as("community-admin").gql(CREATE, Map.of("i", edition)))).containsExactly("VALIDATION_FAILED");
        Map<String, Object> nulls = event("PUBLIC", subEvent(at(day, 10), at(day, 11), List.of(ticket("普通", 10, 1))));
        nulls.put("ageGroups", java.util.Arrays.asList("CHILDREN", null));
        assertThat(Api.codes(Api.as("community-admin").gql(CREATE, Map.of("i", nulls)))).containsExactly("VALIDATION_FAILED");
        assertThat(Db.count(db, "select count(*) from event_events where title = ?", (String) nulls.get("title"))).isZero();
    }

    @Test
    void registrationRulesAnswersAndOnePerPerson() {
        LocalDate day = nextDay();
        Map<String, Object> input = event("PUBLIC", subEvent(at(day, 14), at(day, 16),
                List.of(ticket("亲子", 10, 3), ticket("普通", 10, 1))));
        input.put("questions", List.of(
                Map.of("key", "child_age", "label", "孩子年龄", "kind", "NUMBER", "required", true),
                Map.of("key", "shirt", "label", "尺码", "kind", "CHOICE", "choices", List.of("S", "M", "L"))));
        Created event = create(input);
        ok(publish(event.event()));
        String family = event.tickets().get(0);
        String general = event.tickets().get(1);
        Api resident = Api.as("resident");
        assertThat(reason(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 4,
                "a", List.of(Map.of("key", "child_age", "value", "6")))))).isNull();
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 4,
                "a", List.of(Map.of("key", "child_age", "value", "6")))))).containsExactly("VALIDATION_FAILED");
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 2,
                "a", List.of())))).containsExactly("VALIDATION_FAILED");
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 2,
                "a", List.of(Map.of("key", "child_age", "value", "six")))))).containsExactly("VALIDATION_FAILED");
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 2,
                "a", List.of(Map.of("key", "child_age", "value", "6"), Map.of("key", "shirt", "value", "XXL"))))))
                .containsExactly("VALIDATION_FAILED");
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 2,
                "a", List.of(Map.of("key", "child_age", "value", "6"), Map.of("key", "pet", "value", "cat"))))))
                .containsExactly("VALIDATION_FAILED");
        JsonPath placed = ok(resident.gql(REGISTER, vars("s", event.sub(), "t", family, "p", 3,
                "a", List.of(Map.of("key", "child_age", "value", "6"), Map.of("key", "shirt", "value", "M")))));
        assertThat(placed.getString("data.registerForCulturalEvent.state")).isEqualTo("CONFIRMED");
        assertThat(placed.getString("data.registerForCulturalEvent.ticketCode")).matches("[2-9A-Z]{12}");
        // one active registration per sub-event, whichever ticket kind
        assertThat(reason(resident.gql(REGISTER, vars("s", event.sub(), "t", general, "p", 1,
                "a", List.of(Map.of("key", "child_age", "value", "6")))))).isEqualTo("ALREADY_REGISTERED");
        JsonPath seen = ok(Api.as("resident").gql("query($e: ID!) { culturalEvent(id: $e) { subEvents { ticketKinds "
                + "{ name taken free } } } }", vars("e", event.event())));
        assertThat(seen.getInt("data.culturalEvent.subEvents[0].ticketKinds.find { it.name == '亲子' }.taken")).isEqualTo(3);
        // a ticket kind of another sub-event is not found
        Created other = published(5, 1, false);
        assertThat(Api.codes(resident.gql(REGISTER, vars("s", event.sub(), "t", other.tickets().get(0), "p", 1,
                "a", List.of(Map.of("key", "child_age", "value", "6")))))).containsExactly("NOT_FOUND");
    }

    @Test
    void registrationWindowAndFullWithoutWaitingList() {
        LocalDate day = nextDay();
        Map<String, Object> sub = subEvent(at(day, 10), at(day, 12), List.of(ticket("普通", 1, 1)));
        sub.put("registrationOpensAt", OffsetDateTime.now().plusDays(1).toString());
        Created later = create(event("PUBLIC", sub));
        ok(publish(later.event()));
        assertThat(reason(register("resident", later, 1))).isEqualTo("NOT_OPEN");
        Created small = published(1, 1, false);
        ok(register("resident", small, 1));
        JsonPath full = register("volunteer", small, 1);
        assertThat(Api.codes(full)).containsExactly("CONFLICT");
        assertThat(reason(full)).isEqualTo("FULL");
        Db.update(db, "update event_sub_events set registration_closes_at = now() - interval '1 minute' where id = ?",
                Long.parseLong(small.sub()));
        assertThat(reason(register("party-member", small, 1))).isEqualTo("TOO_LATE");
    }

    @Test
    void whatHasBegunIsNotCancelledAcceptedOrApproved() {
        Created event = published(1, 1, true);
        String first = ok(register("resident", event, 1)).getString("data.registerForCulturalEvent.id");
        String second = ok(register("volunteer", event, 1)).getString("data.registerForCulturalEvent.id");
        ok(Api.as("resident").gql("mutation($r: ID!) { cancelCulturalEventRegistration(id: $r) { state } }",
                vars("r", first)));
        Db.update(db, "update event_sub_events set starts_at = now() - interval '1 minute' where id = ?",
                Long.parseLong(event.sub()));
        assertThat(reason(Api.as("volunteer").gql("mutation($r: ID!) { acceptCulturalEventOffer(id: $r) { state } }",
                vars("r", second)))).isEqualTo("STARTED");
        assertThat(reason(Api.as("community-admin").gql("mutation($e: ID!) { cancelCulturalEvent(id: $e, reason: "
                + "\"下雨\") { state } }", vars("e", event.event())))).isEqualTo("STARTED");
        String tooLong = "长".repeat(491);
        Created other = published(1, 1, true);
        assertThat(Api.codes(Api.as("community-admin").gql("mutation($e: ID!, $r: String!) { cancelCulturalEvent(id: $e, "
                + "reason: $r) { state } }", vars("e", other.event(), "r", tooLong)))).containsExactly("VALIDATION_FAILED");
    }

    @Test
    void approvalHoldsNoPlaceUntilApproved() {
        LocalDate day = nextDay();
        Map<String, Object> input = event("MEMBERS", subEvent(at(day, 10), at(day, 12), List.of(ticket("普通", 5, 1))));
        input.put("approvalRequired", true);
        Created event = create(input);
        ok(publish(event.event()));
        JsonPath pending = ok(register("resident", event, 1));
        assertThat(pending.getString("data.registerForCulturalEvent.state")).isEqualTo("PENDING");
        String id = pending.getString("data.registerForCulturalEvent.id");
        String decide = "mutation($r: ID!, $a: Boolean!, $why: String) { decideCulturalEventRegistration(id: $r, "
                + "approve: $a, reason: $why) { state decisionReason } }";
        assertThat(Api.codes(Api.as("resident").gql(decide, vars("r", id, "a", true)))).containsExactly("FORBIDDEN");
        assertThat(Api.codes(Api.as("community-admin").gql(decide, vars("r", id, "a", false))))
                .containsExactly("VALIDATION_FAILED");
        assertThat(ok(Api.as("community-admin").gql(decide, vars("r", id, "a", true)))
                .getString("data.decideCulturalEventRegistration.state")).isEqualTo("CONFIRMED");
        String other = ok(register("volunteer", event, 1)).getString("data.registerForCulturalEvent.id");
        JsonPath declined = ok(Api.as("committee-member").gql(decide, vars("r", other, "a", false, "why", "名额已满")));
        assertThat(declined.getString("data.decideCulturalEventRegistration.state")).isEqualTo("DECLINED");
        assertThat(reason(Api.as("community-admin").gql(decide, vars("r", other, "a", true))))
                .isEqualTo("REGISTRATION_DECLINED");
    }

    @Test
    void theWaitingListOffersAFreedPlaceWhichExpiresOrIsAccepted() throws Exception {
        Created event = published(1, 1, true);
        String a = ok(register("resident", event, 1)).getString("data.registerForCulturalEvent.id");
        JsonPath b = ok(register("volunteer", event, 1));
        assertThat(b.getString("data.registerForCulturalEvent.state")).isEqualTo("WAITING");
        assertThat(b.getInt("data.registerForCulturalEvent.waitingPosition")).isEqualTo(1);
        String bId = b.getString("data.registerForCulturalEvent.id");
        JsonPath c = ok(register("party-member", event, 1));
        assertThat(c.getInt("data.registerForCulturalEvent.waitingPosition")).isEqualTo(2);
        String cId = c.getString("data.registerForCulturalEvent.id");
        String cancel = "mutation($r: ID!) { cancelCulturalEventRegistration(id: $r) { state } }";
        String accept = "mutation($r: ID!) { acceptCulturalEventOffer(id: $r) { state } }";
        // someone else cannot cancel a registration
        assertThat(Api.codes(Api.as("volunteer").gql(cancel, vars("r", a)))).containsExactly("FORBIDDEN");
        ok(Api.as("resident").gql(cancel, vars("r", a)));
        JsonPath offered = ok(Api.as("volunteer").gql(MINE));
        assertThat(offered.getString("data.myCulturalEventRegistrations.edges.find { it.node.id == '" + bId
                + "' }.node.state")).isEqualTo("OFFERED");
        assertThat(offered.getString("data.myCulturalEventRegistrations.edges.find { it.node.id == '" + bId
                + "' }.node.offerExpiresAt")).isNotNull();
        assertThat(ok(Api.as("party-member").gql(MINE)).getInt("data.myCulturalEventRegistrations.edges.find { "
                + "it.node.id == '" + cId + "' }.node.waitingPosition")).isEqualTo(1);
        // the offered place is not free to others meanwhile
        assertThat(reason(register("building-leader", event, 1))).isNull();
        assertThat(ok(Api.as("volunteer").gql(accept, vars("r", bId))).getString("data.acceptCulturalEventOffer.state"))
                .isEqualTo("CONFIRMED");
        // B withdraws: C is offered; the offer runs out and two replicas expire it at once
        ok(Api.as("volunteer").gql(cancel, vars("r", bId)));
        Db.update(db, "update sign_ups set offer_expires_at = now() - interval '1 second' where id = (select sign_up_id "
                + "from event_registrations where id = ?)", Long.parseLong(cId));
        CompletableFuture<?> one = CompletableFuture.runAsync(() -> scope.call(COMMUNITY, () -> signUps.expireOffers(COMMUNITY)));
        CompletableFuture<?> two = CompletableFuture.runAsync(() -> scope.call(COMMUNITY, () -> signUps.expireOffers(COMMUNITY)));
        one.get();
        two.get();
        JsonPath expired = Api.as("party-member").gql(accept, vars("r", cId));
        assertThat(reason(expired)).isEqualTo("OFFER_EXPIRED");
        long list = Db.count(db, "select t.list_id from event_ticket_kinds t where t.id = ?",
                Long.parseLong(event.tickets().get(0)));
        // the place passed on to the one behind C (building-leader), so the list holds exactly its capacity
        assertThat(Db.count(db, "select confirmed from sign_up_lists where id = ?", list)).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from sign_ups where list_id = ? and state in ('CONFIRMED', 'OFFERED')",
                list)).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from sign_ups where list_id = ? and state = 'EXPIRED'", list)).isEqualTo(1);
    }

    @Test
    void venuesClashInTheDatabaseAndCancellingReleasesThem() {
        LocalDate day = nextDay();
        String room = Rooms.create("{noticeMinutes: 0}");
        Map<String, Object> sub = subEvent(at(day, 10), at(day, 12), List.of(ticket("普通", 20, 1)));
        sub.put("roomId", room);
        Created first = create(event("PUBLIC", sub));
        Map<String, Object> sub2 = subEvent(at(day, 11), at(day, 13), List.of(ticket("普通", 20, 1)));
        sub2.put("roomId", room);
        Created second = create(event("PUBLIC", sub2));
        ok(publish(first.event()));
        JsonPath clash = publish(second.event());
        assertThat(Api.codes(clash)).containsExactly("CONFLICT");
        assertThat(reason(clash)).isEqualTo("ROOM_TAKEN");
        assertThat(clash.getString("errors[0].message")).contains("测试室-");
        assertThat(Db.count(db, "select count(*) from event_events where id = ? and state = 'DRAFT'",
                Long.parseLong(second.event()))).isEqualTo(1);
        // more people than the room holds is refused when drafting
        Map<String, Object> crowded = subEvent(at(day, 15), at(day, 16), List.of(ticket("普通", 31, 1)));
        crowded.put("roomId", room);
        assertThat(Api.codes(Api.as("community-admin").gql(CREATE, Map.of("i", event("PUBLIC", crowded)))))
                .containsExactly("VALIDATION_FAILED");
        ok(register("resident", first, 1));
        ok(Api.as("community-admin").gql("mutation($e: ID!) { cancelCulturalEvent(id: $e, reason: \"下雨\") { state } }",
                vars("e", first.event())));
        assertThat(Db.count(db, "select count(*) from sign_ups s join event_registrations r on r.sign_up_id = s.id "
                + "where r.event_id = ? and s.state = 'CANCELLED'", Long.parseLong(first.event()))).isEqualTo(1);
        ok(publish(second.event()));

        // a square: two events never hold it at the same time
        String square = ok(Api.as("community-admin").gql("mutation($n: String!) { createPlace(input: {name: $n, "
                + "kind: SQUARE}) { id } }", vars("n", "测试广场-" + UUID.randomUUID()))).getString("data.createPlace.id");
        Map<String, Object> onSquare = subEvent(at(day, 18), at(day, 20), List.of(ticket("普通", 300, 1)));
        onSquare.put("placeId", square);
        Created dance = create(event("PUBLIC", onSquare));
        Map<String, Object> alsoOnSquare = subEvent(at(day, 19), at(day, 21), List.of(ticket("普通", 300, 1)));
        alsoOnSquare.put("placeId", square);
        Created opera = create(event("PUBLIC", alsoOnSquare));
        ok(publish(dance.event()));
        JsonPath taken = publish(opera.event());
        assertThat(reason(taken)).isEqualTo("PLACE_TAKEN");
        JsonPath holds = ok(Api.as("resident").gql("query($p: ID!, $f: DateTime!, $t: DateTime!) { placeHolds(placeId: $p, "
                + "from: $f, to: $t) { startsAt endsAt purpose } }", vars("p", square, "f", at(day, 0).toString(),
                "t", at(day.plusDays(1), 0).toString())));
        assertThat(holds.getList("data.placeHolds")).hasSize(1);
        assertThat(OffsetDateTime.parse(holds.getString("data.placeHolds[0].startsAt")).toInstant())
                .isEqualTo(at(day, 18).toInstant());
        assertThat(taken.getString("errors[0].message")).contains("测试广场-");
        ok(Api.as("community-admin").gql("mutation($e: ID!) { cancelCulturalEvent(id: $e, reason: \"改期\") { state } }",
                vars("e", dance.event())));
        ok(publish(opera.event()));
    }

    @Test
    void ticketsAreScannedOnceUnlessReEntryAndCountsFollow() {
        LocalDate day = nextDay();
        Map<String, Object> input = event("PUBLIC", subEvent(at(day, 10), at(day, 12), List.of(ticket("普通", 10, 3))));
        String helper = Volunteers.personId("volunteer");
        input.put("helperPersonIds", List.of(helper));
        Created event = create(input);
        ok(publish(event.event()));
        Created otherEvent = published(5, 1, false);
        String code = ok(register("resident", event, 2)).getString("data.registerForCulturalEvent.ticketCode");
        String waitingCode = ok(register("party-member", otherEvent, 1)).getString("data.registerForCulturalEvent.ticketCode");
        String list = "mutation($e: ID!, $n: String!, $r: Boolean) { createCulturalEventCheckInList(input: {eventId: $e, "
                + "name: $n, allowReEntry: $r}) { id } }";
        String gate = ok(Api.as("community-admin").gql(list, vars("e", event.event(), "n", "北门", "r", false)))
                .getString("data.createCulturalEventCheckInList.id");
        String hall = ok(Api.as("community-admin").gql(list, vars("e", event.event(), "n", "会场", "r", true)))
                .getString("data.createCulturalEventCheckInList.id");
        String scan = "mutation($l: ID!, $c: String!) { checkInCulturalEventTicket(listId: $l, ticketCode: $c) "
                + "{ firstEntry partySize personName } }";
        assertThat(Api.codes(Api.as("resident").gql(scan, vars("l", gate, "c", code)))).containsExactly("FORBIDDEN");
        JsonPath first = ok(Api.as("volunteer").gql(scan, vars("l", gate, "c", code.toLowerCase())));
        assertThat(first.getBoolean("data.checkInCulturalEventTicket.firstEntry")).isTrue();
        assertThat(first.getInt("data.checkInCulturalEventTicket.partySize")).isEqualTo(2);
        assertThat(reason(Api.as("community-admin").gql(scan, vars("l", gate, "c", code)))).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(ok(Api.as("community-admin").gql(scan, vars("l", hall, "c", code)))
                .getBoolean("data.checkInCulturalEventTicket.firstEntry")).isTrue();
        assertThat(ok(Api.as("community-admin").gql(scan, vars("l", hall, "c", code)))
                .getBoolean("data.checkInCulturalEventTicket.firstEntry")).isFalse();
        // a ticket of another event is no ticket here
        assertThat(Api.codes(Api.as("community-admin").gql(scan, vars("l", gate, "c", waitingCode))))
                .containsExactly("NOT_FOUND");
        assertThat(Api.codes(Api.as("community-admin").gql(scan, vars("l", gate, "c", "' or 1=1 --"))))
                .containsExactly("NOT_FOUND");
        JsonPath counts = ok(Api.as("community-admin").gql("query($e: ID!) { culturalEventCheckInCounts(eventId: $e) "
                + "{ name expectedTickets expectedPeople checkedInTickets checkedInPeople } }", vars("e", event.event())));
        assertThat(counts.getInt("data.culturalEventCheckInCounts.find { it.name == '北门' }.expectedPeople")).isEqualTo(2);
        assertThat(counts.getInt("data.culturalEventCheckInCounts.find { it.name == '北门' }.checkedInPeople")).isEqualTo(2);
        assertThat(counts.getInt("data.culturalEventCheckInCounts.find { it.name == '会场' }.checkedInTickets")).isEqualTo(1);
        assertThat(Api.codes(Api.as("resident").gql("query($e: ID!) { culturalEventCheckInCounts(eventId: $e) "
                + "{ name } }", vars("e", event.event())))).containsExactly("FORBIDDEN");
    }

    @Test
    void closingCountsAttendanceAndAttendeesGiveFeedbackOnce() {
        Created event = published(10, 2, false);
        String code = ok(register("resident", event, 2)).getString("data.registerForCulturalEvent.ticketCode");
        ok(register("volunteer", event, 1));
        String gate = ok(Api.as("community-admin").gql("mutation($e: ID!) { createCulturalEventCheckInList(input: "
                + "{eventId: $e, name: \"入口\"}) { id } }", vars("e", event.event())))
                .getString("data.createCulturalEventCheckInList.id");
        String close = "mutation($e: ID!) { closeCulturalEvent(id: $e, input: {summary: \"圆满结束\", "
                + "organisations: [\"长青小学\"]}) { registered checkedIn organisations } }";
        assertThat(reason(Api.as("community-admin").gql(close, vars("e", event.event())))).isEqualTo("NOT_OVER");
        ok(Api.as("community-admin").gql("mutation($l: ID!, $c: String!) { checkInCulturalEventTicket(listId: $l, "
                + "ticketCode: $c) { firstEntry } }", vars("l", gate, "c", code)));
        Db.update(db, "update event_sub_events set starts_at = now() - interval '3 hours', ends_at = now() - interval "
                + "'1 hour' where id = ?", Long.parseLong(event.sub()));
        JsonPath report = ok(Api.as("community-admin").gql(close, vars("e", event.event())));
        assertThat(report.getInt("data.closeCulturalEvent.registered")).isEqualTo(3);
        assertThat(report.getInt("data.closeCulturalEvent.checkedIn")).isEqualTo(2);
        assertThat(report.getList("data.closeCulturalEvent.organisations")).contains("长青小学");
        String feedback = "mutation($e: ID!, $r: Int!) { giveCulturalEventFeedback(eventId: $e, rating: $r, "
                + "comment: \"很好\") { rating } }";
        assertThat(Api.codes(Api.as("resident").gql(feedback, vars("e", event.event(), "r", 6))))
                .containsExactly("VALIDATION_FAILED");
        ok(Api.as("resident").gql(feedback, vars("e", event.event(), "r", 5)));
        assertThat(reason(Api.as("resident").gql(feedback, vars("e", event.event(), "r", 4)))).isEqualTo("ALREADY_GIVEN");
        assertThat(reason(Api.as("volunteer").gql(feedback, vars("e", event.event(), "r", 4)))).isEqualTo("NOT_ATTENDED");
        JsonPath read = ok(Api.as("community-admin").gql("query($e: ID!) { culturalEventFeedback(eventId: $e) "
                + "{ edges { node { rating comment } } } culturalEvent(id: $e) { state closingReport { checkedIn } } }",
                vars("e", event.event())));
        assertThat(read.getList("data.culturalEventFeedback.edges.node.rating")).containsExactly(5);
        assertThat(read.getString("data.culturalEvent.state")).isEqualTo("CLOSED");
        assertThat(Api.codes(Api.as("resident").gql("query($e: ID!) { culturalEventFeedback(eventId: $e) { edges "
                + "{ node { rating } } } }", vars("e", event.event())))).containsExactly("FORBIDDEN");
    }

    @Test
    void editionsOfASeriesCompareYearOnYear() {
        String series = ok(Api.as("community-admin").gql("mutation($n: String!) { createCulturalEventSeries(input: "
                + "{name: $n}) { id } }", vars("n", "文化节-" + UUID.randomUUID()))).getString("data.createCulturalEventSeries.id");
        List<String> events = new ArrayList<>();
        for (int year = 2031; year <= 2032; year++) {
            LocalDate day = nextDay();
            Map<String, Object> input = event("PUBLIC", subEvent(at(day, 10), at(day, 12), List.of(ticket("普通", 10, 4))));
            input.put("seriesId", series);
            input.put("editionYear", year);
            Created created = create(input);
            ok(publish(created.event()));
            events.add(created.event());
            ok(register("resident", created, year - 2029));
        }
        Map<String, Object> again = event("PUBLIC", subEvent(at(nextDay(), 10), at(nextDay(), 12), List.of(ticket("普通", 1, 1))));
        again.put("seriesId", series);
        again.put("editionYear", 2031);
        assertThat(reason(Api.as("community-admin").gql(CREATE, Map.of("i", again)))).isEqualTo("EDITION_TAKEN");
        JsonPath editions = ok(Api.as("resident").gql("query($s: ID!) { culturalEventEditions(seriesId: $s) { "
                + "editionYear registeredPeople tickets byAgeGroup { key people } } }", vars("s", series)));
        assertThat(editions.getList("data.culturalEventEditions.editionYear")).containsExactly(2031, 2032);
        assertThat(editions.getList("data.culturalEventEditions.registeredPeople")).containsExactly(2, 3);
        assertThat(editions.getString("data.culturalEventEditions[1].byAgeGroup[0].key")).isEqualTo("ALL_AGES");
    }
}
