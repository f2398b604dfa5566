package org.linqin.server.support;

import static org.linqin.server.support.Api.ok;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fixtures of the volunteer-team module, made through the API as a client would. */
public final class Volunteers {

    public static final String SCHEDULE = "mutation($a: ID!, $s: DateTime!, $e: DateTime!, $p: [VolunteerPositionInput]!, "
            + "$req: [String], $self: Boolean!, $wait: Boolean!) { scheduleVolunteerShifts(input: {activityId: $a, "
            + "startsAt: $s, endsAt: $e, positions: $p, requirements: $req, selfSignUp: $self, waitingList: $wait}) "
            + "{ id startsAt endsAt positions { name needed taken free } } }";

    private Volunteers() {
    }

    /** A new open team with a join code, led by the demo user {@code team-leader}; returns {id, joinCode}. */
    public static Map<String, String> team(String kind) {
        Api admin = Api.as("community-admin");
        var created = ok(admin.gql("mutation($n: String!, $k: VolunteerTeamKind!) { createVolunteerTeam(input: {name: $n, "
                + "kind: $k, recruitment: OPEN, withJoinCode: true}) { id joinCode } }",
                Map.of("n", "测试队-" + UUID.randomUUID(), "k", kind)));
        String team = created.getString("data.createVolunteerTeam.id");
        ok(admin.gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, personId: $p, role: LEADER) "
                + "{ id } }", Map.of("t", team, "p", personId("team-leader"))));
        return Map.of("id", team, "joinCode", created.getString("data.createVolunteerTeam.joinCode"));
    }

    public static String personId(String username) {
        return ok(Api.as(username).gql("{ me { person { id } } }")).getString("data.me.person.id");
    }

    /** The demo user joins the team with its code, holding the skills. */
    public static void join(String username, String joinCode, List<String> skills) {
        ok(Api.as(username).gql("mutation($c: String!, $s: [String]) { joinVolunteerTeam(code: $c, input: "
                + "{skills: $s}) { id } }", Map.of("c", joinCode, "s", skills)));
    }

    public static String activity(String team) {
        return ok(Api.as("team-leader").gql("mutation($t: ID!) { createVolunteerActivity(input: {teamId: $t, "
                + "title: \"巡查\", kind: PATROL}) { id } }", Map.of("t", team)))
                .getString("data.createVolunteerActivity.id");
    }

    /** Schedules one shift of one position; returns its id. */
    public static String shift(String activity, OffsetDateTime start, OffsetDateTime end, int needed,
            List<String> requirements, boolean selfSignUp, boolean waitingList) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("a", activity);
        variables.put("s", start.toString());
        variables.put("e", end.toString());
        variables.put("p", List.of(Map.of("name", "巡查员", "needed", needed)));
        variables.put("req", requirements);
        variables.put("self", selfSignUp);
        variables.put("wait", waitingList);
        return ok(Api.as("team-leader").gql(SCHEDULE, variables)).getString("data.scheduleVolunteerShifts[0].id");
    }
}
