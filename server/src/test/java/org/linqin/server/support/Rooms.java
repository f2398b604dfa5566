package org.linqin.server.support;

import static org.linqin.server.support.Api.ok;

import java.util.Map;
import java.util.UUID;

/** Creates bookable rooms in the service centre of changqing-6 for tests, with rules of their own. */
public final class Rooms {

    private Rooms() {
    }

    /** A room open every day 00:00–23:30 with the given rules (a GraphQL object literal, e.g. "{noticeMinutes: 0}"). */
    public static String create(String rules) {
        Api admin = Api.as("community-admin");
        String place = ok(admin.gql("{ community { places(first: 100) { edges { node { id kind } } } } }"))
                .getString("data.community.places.edges.find { it.node.kind == 'SERVICE_CENTRE' }.node.id");
        StringBuilder hours = new StringBuilder();
        for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
            hours.append("{dayOfWeek: ").append(day).append(", opensAt: \"00:00\", closesAt: \"23:30\"} ");
        }
        return ok(admin.gql("mutation($p: ID!, $n: String!) { createRoom(input: {placeId: $p, name: $n, kind: MEETING, "
                + "capacity: 30, openingHours: [" + hours + "], rules: " + rules + "}) { id } }",
                Map.of("p", place, "n", "测试室-" + UUID.randomUUID()))).getString("data.createRoom.id");
    }
}
