package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.ok;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Volunteers;

import io.quarkus.test.junit.QuarkusTest;

/** Reads outside a transaction give their connection back: more calls than the pool has connections all answer. */
@QuarkusTest
class ConnectionLeakTest {

    static final int CALLS = 45; // the pool holds 20

    /** Each alone: a single root field runs differently from several. */
    static final java.util.List<String> READS = java.util.List.of(
            "query($t: ID!, $f: Date!, $to: Date!) { volunteerHoursReport(teamId: $t, from: $f, to: $to) { totalCount "
                    + "edges { node { name } } } }",
            "query($t: ID!, $f: Date!, $to: Date!) { volunteerMonths(teamId: $t, from: $f, to: $to) { month } }",
            "query($t: ID!) { volunteerTeamMembers(teamId: $t) { totalCount edges { node { name partyMember } } } }",
            "{ volunteerRecord { starLevel pointsBalance } }",
            "{ volunteerLeaderboard { name } }",
            "query($t: ID!, $f: Date!, $to: Date!) { volunteerTeamStatistics(teamId: $t, from: $f, to: $to) { shifts "
                    + "activeVolunteers } }");

    @Test
    void volunteerReadsReturnTheirConnections() {
        Map<String, String> team = Volunteers.team("PATROL");
        Map<String, Object> period = vars("t", team.get("id"), "f", "2026-01-01", "to", "2027-01-01");
        java.util.List<String> failing = new java.util.ArrayList<>();
        for (String read : READS) {
            try {
                for (int i = 0; i < CALLS; i++) {
                    ok(Api.as("community-admin").gql(read, period));
                }
            } catch (AssertionError e) {
                failing.add(read);
                try {
                    Thread.sleep(6000); // acquisition times out after 5 s; leaked connections stay leaked
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        assertThat(failing).as("reads that kept their connection").isEmpty();
        assertThat(ok(Api.as("community-admin").gql("{ me { username } }")).getString("data.me.username"))
                .isEqualTo("community-admin");
    }
}
