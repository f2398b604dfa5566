package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.grid.service.EscalationJob;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IncidentTest {

    static final String REPORT = "mutation($c: String!, $d: String!) { reportIncident(input: {category: $c, "
            + "description: $d}) { id state level routedRole reporterPersonId } }";

    @Inject
    AgroalDataSource db;

    @Inject
    CommunityScope scope;

    @Inject
    EscalationJob escalation;

    @Inject
    SessionFactory sessionFactory;

    static String report(String user, String category) {
        return ok(Api.as(user).gql(REPORT, Map.of("c", category, "d", "测试事件"))).getString("data.reportIncident.id");
    }

    static JsonPath act(String user, String mutation, String id, String extra) {
        return Api.as(user).gql("mutation($id: ID!) { " + mutation + "(id: $id" + extra + ") { state level } }",
                Map.of("id", id));
    }

    @Test
    void incidentsAreRoutedByCategory() {
        JsonPath fire = ok(Api.as("resident").gql(REPORT, Map.of("c", "fire-hazard", "d", "飞线充电")));
        assertThat(fire.getString("data.reportIncident.routedRole")).isEqualTo("property-staff");
        assertThat(fire.getString("data.reportIncident.state")).isEqualTo("REPORTED");
        JsonPath unknown = Api.as("resident").gql(REPORT, Map.of("c", "ufo", "d", "不明飞行物"));
        assertThat(unknown.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.category");
    }

    @Test
    void theThreeLevelResponseWithItsTimeline() {
        String id = report("resident", "neighbour-dispute");
        ok(act("grid-worker", "acknowledgeIncident", id, ", note: \"已联系双方\""));
        assertThat(codes(act("grid-worker", "acknowledgeIncident", id, ""))).containsExactly("CONFLICT");
        ok(act("grid-worker", "escalateIncident", id, ", note: \"需要联席会议\""));
        assertThat(codes(Api.as("grid-worker").gql("mutation($id: ID!) { recordJointMeeting(id: $id, input: {heldAt: "
                + "\"2026-12-01T19:00:00+08:00\", parties: [\"社区\"], minutes: \"x\", decisions: \"y\"}) { level } }",
                Map.of("id", id)))).containsExactly("FORBIDDEN");
        ok(Api.as("committee-member").gql("mutation($id: ID!) { recordJointMeeting(id: $id, input: {heldAt: "
                + "\"2026-12-01T19:00:00+08:00\", parties: [\"社区党委\", \"物业\", \"业委会\"], minutes: \"三方协商\", "
                + "decisions: \"物业检修管道\", actions: [\"物业：周五前检修\"]}) { level } }", Map.of("id", id)));
        ok(act("committee-member", "escalateIncident", id, ", note: \"需多部门\""));
        JsonPath whistle = ok(Api.as("committee-member").gql("mutation($id: ID!) { blowWhistle(id: $id, input: "
                + "{departments: [{department: \"城管\", dueOn: \"2026-12-10\"}, {department: \"派出所\", "
                + "dueOn: \"2026-12-12\"}]}) { level } }", Map.of("id", id)));
        assertThat(whistle.getInt("data.blowWhistle.level")).isEqualTo(3);
        assertThat(codes(act("committee-member", "escalateIncident", id, ", note: \"再升\""))).containsExactly("CONFLICT");
        String summons = ok(Api.as("grid-worker").gql("query($id: ID!) { incident(id: $id) { summons { id department } } }",
                Map.of("id", id))).getString("data.incident.summons[0].id");
        ok(Api.as("grid-worker").gql("mutation($s: ID!) { respondToSummons(summonsId: $s, response: \"已到场\") { level } }",
                Map.of("s", summons)));
        ok(act("grid-worker", "startIncident", id, ""));
        JsonPath noSettlement = act("grid-worker", "resolveIncident", id, ", note: \"已调解\"");
        assertThat(noSettlement.getString("errors[0].extensions.fields[0].field")).isEqualTo("settledAt");
        ok(act("grid-worker", "resolveIncident", id, ", note: \"已调解\", settledAt: BUILDING"));
        assertThat(codes(Api.as("grid-worker").gql("mutation($id: ID!) { rateIncident(id: $id, rating: 5) { rating } }",
                Map.of("id", id)))).containsExactly("FORBIDDEN");
        assertThat(ok(Api.as("resident").gql("mutation($id: ID!) { rateIncident(id: $id, rating: 4, comment: \"满意\") "
                + "{ rating } }", Map.of("id", id))).getInt("data.rateIncident.rating")).isEqualTo(4);
        ok(act("grid-worker", "closeIncident", id, ""));
        ok(act("grid-worker", "reopenIncident", id, ", note: \"又发生\""));

        List<String> timeline = ok(Api.as("grid-worker").gql("query($id: ID!) { incident(id: $id) { timeline { action } "
                + "jointMeetings { parties } } }", Map.of("id", id))).getList("data.incident.timeline.action");
        assertThat(timeline).containsExactly("REPORTED", "ACKNOWLEDGED", "ESCALATED", "JOINT_MEETING", "ESCALATED",
                "WHISTLE_BLOWN", "DEPARTMENT_RESPONDED", "STARTED", "RESOLVED", "RATED", "CLOSED", "REOPENED");
    }

    @Test
    void anOverdueIncidentEscalatesByItselfAndSaysSo() {
        String id = report("resident", "safety");
        OffsetDateTime later = OffsetDateTime.now().plusDays(1);
        int escalated = scope.call("changqing-6", () -> escalation.escalate("changqing-6", later));
        assertThat(escalated).isPositive();
        JsonPath incident = ok(Api.as("grid-worker").gql("query($id: ID!) { incident(id: $id) { level overdue "
                + "timeline { action actor } } }", Map.of("id", id)));
        assertThat(incident.getInt("data.incident.level")).isEqualTo(2);
        assertThat(incident.getList("data.incident.timeline.action")).contains("AUTO_ESCALATED");
        scope.call("changqing-6", () -> escalation.escalate("changqing-6", later.plusDays(2)));
        scope.call("changqing-6", () -> escalation.escalate("changqing-6", later.plusDays(10)));
        JsonPath overdue = ok(Api.as("grid-worker").gql("query($id: ID!) { incident(id: $id) { level overdue timeline "
                + "{ action } } }", Map.of("id", id)));
        assertThat(overdue.getInt("data.incident.level")).isEqualTo(3);
        assertThat(overdue.getBoolean("data.incident.overdue")).isTrue();
        assertThat(overdue.getList("data.incident.timeline.action")).contains("OVERDUE");
    }

    @Test
    void residentsSeeTheirOwnReportsAndTheReporterIsHiddenFromOthers() {
        String mine = report("volunteer", "sanitation");
        assertThat(codes(Api.as("resident").gql("query($id: ID!) { incident(id: $id) { id } }", Map.of("id", mine))))
                .containsExactly("NOT_FOUND");
        List<String> reporters = ok(Api.as("volunteer").gql("{ incidents(first: 100) { edges { node { id "
                + "reporterPersonId } } } }")).getList("data.incidents.edges.node.id");
        assertThat(reporters).contains(mine);
        JsonPath partner = ok(Api.as("partner-staff").gql("{ incidents(first: 100) { edges { node { routedRole "
                + "reporterPersonId } } } }"));
        // partner staff see what is routed to partners (reporter hidden) and their own reports (reporter shown)
        List<Map<String, Object>> seen = partner.getList("data.incidents.edges.node");
        assertThat(seen).isNotEmpty().allSatisfy(node -> assertThat("partner-staff".equals(node.get("routedRole"))
                || node.get("reporterPersonId") != null).as(node.toString()).isTrue());
        assertThat(seen).filteredOn(node -> "partner-staff".equals(node.get("routedRole")))
                .isNotEmpty();
        assertThat(codes(Api.as("second-admin").gql("{ incidents { totalCount } }"))).containsExactly("MODULE_DISABLED");
    }

    @Test
    void statisticsOverAHundredThousandIncidentsInTwoStatements() throws Exception {
        Api admin = Api.as("admin");
        String code = ModuleEnablementTest.newCommunity(admin);
        ok(admin.gql(ModuleEnablementTest.ENABLE, Map.of("c", code, "m", "organisation")));
        ok(admin.gql(ModuleEnablementTest.ENABLE, Map.of("c", code, "m", "grid")));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into people (id, community_code, name) values (nextval('linqin_id_seq'), '" + code
                    + "', '统计')");
            s.execute("insert into grid_incidents (id, community_code, category, description, reporter_person_id, "
                    + "routed_role, state, level, level_deadline, reported_at, acknowledged_at, resolved_at, updated_at, "
                    + "rating, settled_at, overdue) select nextval('linqin_id_seq'), '" + code + "', "
                    + "(array['safety','fire-hazard','city-management','neighbour-dispute'])[1 + g % 4], 'x', "
                    + "(select id from people where community_code = '" + code + "'), 'grid-worker', "
                    + "(array['REPORTED','ACKNOWLEDGED','IN_PROGRESS','RESOLVED','CLOSED'])[1 + g % 5], 1 + g % 3, "
                    + "now() + interval '1 day', now() - (g || ' minutes')::interval, "
                    + "now() - (g || ' minutes')::interval + interval '30 minutes', "
                    + "case when g % 5 >= 3 then now() - (g || ' minutes')::interval + interval '1 day' end, now(), "
                    + "case when g % 5 = 4 then 1 + g % 5 end, "
                    + "case when g % 4 = 3 and g % 5 >= 3 then (array['BUILDING','COMMUNITY'])[1 + g % 2] end, false "
                    + "from generate_series(1, 100000) g");
        }
        assertThat(Db.count(db, "select count(*) from grid_incidents where community_code = ?", code)).isEqualTo(100000);
        String query = "{ incidentStatistics(from: \"2000-01-01T00:00:00Z\", to: \"2100-01-01T00:00:00Z\") { total "
                + "counts { dimension value incidents } medianMinutesToAcknowledge medianMinutesToResolve overdue "
                + "disputesSettledInBuilding disputesSettledInCommunity meanRating ratings } }";
        Api reader = Api.as("admin").in(code);
        assertThat(codes(reader.gql(query))).containsExactly("FORBIDDEN");
        // platform admins hold no community role; read as the statistics service would for staff
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        long started = System.nanoTime();
        var figures = scope.call(code, () -> io.quarkus.arc.Arc.container()
                .instance(org.linqin.grid.service.StatisticsService.class).get()
                .of(OffsetDateTime.parse("2000-01-01T00:00:00Z"), OffsetDateTime.parse("2100-01-01T00:00:00Z")));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Incident statistics over 100,000 incidents: %d ms, %d SQL statements%n", millis,
                statistics.getPrepareStatementCount());
        assertThat(figures.total()).isEqualTo(100000);
        assertThat(figures.counts()).filteredOn(c -> c.dimension().equals("category")).hasSize(4);
        assertThat(figures.medianSecondsToAcknowledge()).isEqualTo(1800.0);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(4);
    }
}
