package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.OrgUnits;
import org.linqin.server.support.Statements;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganisationTest {

    static final String CREATE = "mutation($n: String!, $k: OrgUnitKind!, $p: ID) { createOrgUnit(input: "
            + "{name: $n, kind: $k, parentId: $p}) { id kind axisLevel } }";

    @Inject
    AgroalDataSource db;


    @Test
    void theFiveLevelAxisRefusesWrongParentsAndWritesNothing() {
        Api admin = Api.as("community-admin");
        String committee = unitOfKind("COMMUNITY_PARTY_COMMITTEE");
        String compoundCommittee = unitOfKind("COMPOUND_PARTY_COMMITTEE");
        String branch = unitOfKind("COMPOUND_PARTY_BRANCH");
        long before = Db.count(db, "select count(*) from org_units");

        for (Object[] wrong : new Object[][] { { "PARTY_GROUP", compoundCommittee }, { "PARTY_GROUP", committee },
                { "PARTY_MEMBER_HOUSEHOLD", branch }, { "COMPOUND_PARTY_BRANCH", committee },
                { "COMPOUND_PARTY_COMMITTEE", null }, { "SCHOOL", committee }, { "TWO_NEW_PARTY_BRANCH", branch } }) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("n", "错层-" + UUID.randomUUID());
            variables.put("k", wrong[0]);
            variables.put("p", wrong[1]);
            JsonPath refused = admin.gql(CREATE, variables);
            assertThat(codes(refused)).as(wrong[0] + " under " + wrong[1]).containsExactly("VALIDATION_FAILED");
            assertThat(refused.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.parentId");
        }
        assertThat(Db.count(db, "select count(*) from org_units")).isEqualTo(before);

        JsonPath group = ok(admin.gql(CREATE, Map.of("n", "新党小组-" + UUID.randomUUID(), "k", "PARTY_GROUP",
                "p", branch)));
        assertThat(group.getInt("data.createOrgUnit.axisLevel")).isEqualTo(4);
        assertThat(codes(admin.gql(CREATE, Map.of("n", "第二个社区党委", "k", "COMMUNITY_PARTY_COMMITTEE"))))
                .containsExactly("CONFLICT");
    }

    @Test
    void crossAppointmentsOfTheCaseAreFound() {
        JsonPath cross = ok(Api.as("committee-member").gql("{ crossAppointedPeople { name appointments { position } } }"));
        assertThat(cross.getList("data.crossAppointedPeople.name")).contains("王委员", "陈物业");
        assertThat(cross.getList("data.crossAppointedPeople.find { it.name == '王委员' }.appointments.position"))
                .containsExactlyInAnyOrder("DEPUTY_SECRETARY", "PARTY_BUILDING_INSTRUCTOR");
        assertThat(cross.getList("data.crossAppointedPeople.find { it.name == '陈物业' }.appointments.position"))
                .containsExactlyInAnyOrder("MANAGER", "PART_TIME_COMMITTEE_MEMBER");
        JsonPath housingManagers = ok(Api.as("community-admin").gql("{ orgUnits(kind: PROPERTY_SERVICE_COMPANY) "
                + "{ edges { node { name members { position personName } } } } }"));
        assertThat(housingManagers.getList("data.orgUnits.edges[0].node.members.findAll { it.position == "
                + "'HOUSING_MANAGER' }")).hasSize(11);
    }

    @Test
    void endingAnAppointmentKeepsItsHistory() {
        Api admin = Api.as("community-admin");
        String unit = ok(admin.gql(CREATE, Map.of("n", "测试学校-" + UUID.randomUUID(), "k", "SCHOOL")))
                .getString("data.createOrgUnit.id");
        String person = ok(admin.gql("mutation { createPerson(input: {name: \"任职者\"}) { id } }"))
                .getString("data.createPerson.id");
        String appointment = ok(admin.gql("mutation($u: ID!, $p: ID!) { appoint(input: {unitId: $u, personId: $p, "
                + "position: CONTACT, startOn: \"2024-01-01\", publicContact: true}) { id current } }",
                Map.of("u", unit, "p", person))).getString("data.appoint.id");
        ok(admin.gql("mutation($u: ID!, $p: ID!) { appoint(input: {unitId: $u, personId: $p, position: MANAGER, "
                + "startOn: \"2025-01-01\"}) { id } }", Map.of("u", unit, "p", person)));
        ok(admin.gql("mutation($a: ID!) { endAppointment(id: $a, endOn: \"2025-06-30\") { endOn } }",
                Map.of("a", appointment)));
        assertThat(codes(admin.gql("mutation($a: ID!) { endAppointment(id: $a) { endOn } }", Map.of("a", appointment))))
                .containsExactly("CONFLICT");

        JsonPath history = ok(admin.gql("query($p: ID!) { appointmentsOf(personId: $p) { position startOn endOn "
                + "current } }", Map.of("p", person)));
        assertThat(history.getList("data.appointmentsOf.position")).containsExactly("CONTACT", "MANAGER");
        assertThat(history.getList("data.appointmentsOf.current")).containsExactly(false, true);
        assertThat(history.getString("data.appointmentsOf[0].endOn")).isEqualTo("2025-06-30");
    }

    @Test
    void residentsSeeThePublicDirectoryOnly() {
        JsonPath directory = ok(Api.as("resident").gql("{ orgUnits(kind: PROPERTY_SERVICE_COMPANY) { edges { node { "
                + "name contactPhone members { position personName publicContact } } } } }"));
        List<Boolean> flags = directory.getList("data.orgUnits.edges[0].node.members.publicContact");
        assertThat(flags).isNotEmpty().containsOnly(true);
        assertThat(directory.getList("data.orgUnits.edges[0].node.members.position")).doesNotContain("HOUSING_MANAGER");
        assertThat(codes(Api.as("resident").gql("{ crossAppointedPeople { name } }"))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("resident").gql("{ householdVisits { totalCount } }"))).containsExactly("FORBIDDEN");
    }

    @Test
    void householdVisitsAreStaffOnlyAndEveryReadIsAudited() {
        Api grid = Api.as("grid-worker");
        String visitor = ok(grid.gql("{ me { person { id } } }")).getString("data.me.person.id");
        String building = ok(grid.gql("{ community { compounds(first: 1) { edges { node { buildings { id } } } } } }"))
                .getString("data.community.compounds.edges[0].node.buildings[0].id");
        ok(grid.gql("mutation($v: ID!, $b: ID!) { recordHouseholdVisit(input: {visitorPersonId: $v, buildingId: $b, "
                + "unit: \"1单元\", household: \"1203\", outcome: \"登记常住人口3人，党员1名\"}) { id } }",
                Map.of("v", visitor, "b", building)));
        long audits = Db.count(db, "select count(*) from audit_log where action = 'household-visit.read'");
        int shown = ok(grid.gql("{ householdVisits(first: 100) { edges { node { outcome } } } }"))
                .getList("data.householdVisits.edges").size();
        assertThat(shown).isPositive();
        assertThat(Db.count(db, "select count(*) from audit_log where action = 'household-visit.read'"))
                .isEqualTo(audits + shown);
    }

    @Test
    void agreementsMoveFromDraftToSignedToEnded() {
        Api admin = Api.as("community-admin");
        String committee = unitOfKind("COMMUNITY_PARTY_COMMITTEE");
        String school = ok(admin.gql(CREATE, Map.of("n", "共建学校-" + UUID.randomUUID(), "k", "SCHOOL")))
                .getString("data.createOrgUnit.id");
        String parties = "[{unitId: \"" + committee + "\", commitments: \"开放场地\"}, {unitId: \"" + school
                + "\", commitments: \"平安护学\"}]";
        String id = ok(admin.gql("mutation { draftAgreement(input: {title: \"护学共建\", parties: " + parties
                + "}) { id status } }")).getString("data.draftAgreement.id");
        assertThat(codes(admin.gql("mutation { draftAgreement(input: {title: \"单方\", parties: [{unitId: \""
                + committee + "\", commitments: \"x\"}]}) { id } }"))).containsExactly("VALIDATION_FAILED");

        JsonPath signed = ok(admin.gql("mutation($id: ID!) { signAgreement(id: $id, signedOn: \"2026-01-05\") "
                + "{ status parties { unitName } } }", Map.of("id", id)));
        assertThat(signed.getString("data.signAgreement.status")).isEqualTo("SIGNED");
        JsonPath again = admin.gql("mutation($id: ID!) { signAgreement(id: $id) { status } }", Map.of("id", id));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(again.getString("errors[0].message")).contains("is SIGNED");
        assertThat(codes(admin.gql("mutation($id: ID!) { redraftAgreement(id: $id, input: {title: \"改\", parties: "
                + parties + "}) { id } }", Map.of("id", id)))).containsExactly("CONFLICT");
        assertThat(ok(admin.gql("mutation($id: ID!) { endAgreement(id: $id) { status } }", Map.of("id", id)))
                .getString("data.endAgreement.status")).isEqualTo("ENDED");
    }

    @Test
    void dissolvingNeedsAnEmptyUnitAndEndsItsAppointments() {
        Api admin = Api.as("community-admin");
        assertThat(codes(admin.gql("mutation($id: ID!) { dissolveOrgUnit(id: $id) { id } }",
                Map.of("id", unitOfKind("COMPOUND_PARTY_BRANCH"))))).containsExactly("CONFLICT");
        String school = ok(admin.gql(CREATE, Map.of("n", "撤销学校-" + UUID.randomUUID(), "k", "SCHOOL")))
                .getString("data.createOrgUnit.id");
        String person = ok(admin.gql("mutation { createPerson(input: {name: \"校长\"}) { id } }"))
                .getString("data.createPerson.id");
        ok(admin.gql("mutation($u: ID!, $p: ID!) { appoint(input: {unitId: $u, personId: $p, position: MANAGER, "
                + "startOn: \"2024-01-01\"}) { id } }", Map.of("u", school, "p", person)));
        ok(admin.gql("mutation($id: ID!) { dissolveOrgUnit(id: $id, on: \"2026-02-01\") { dissolvedOn } }",
                Map.of("id", school)));
        assertThat(ok(admin.gql("query($p: ID!) { appointmentsOf(personId: $p) { endOn } }", Map.of("p", person)))
                .getString("data.appointmentsOf[0].endOn")).isEqualTo("2026-02-01");
    }

    @Test
    void disabledInAnotherCommunityAndIsolatedWhenEnabled() {
        String committee = unitOfKind("COMMUNITY_PARTY_COMMITTEE");
        Api second = Api.as("second-admin");
        assertThat(codes(second.gql("{ organisationTree { depth } }"))).containsExactly("MODULE_DISABLED");
        Api admin = Api.as("admin");
        ok(admin.gql(ModuleEnablementTest.ENABLE, Map.of("c", "demo-second", "m", "organisation")));
        try {
            assertThat(ok(second.gql("{ organisationTree { depth } }")).getList("data.organisationTree")).isEmpty();
            assertThat(codes(second.gql("query($id: ID!) { orgUnit(id: $id) { name } }", Map.of("id", committee))))
                    .containsExactly("NOT_FOUND");
            assertThat(codes(second.gql("mutation($id: ID!) { renameOrgUnit(id: $id, name: \"夺取\") { id } }",
                    Map.of("id", committee)))).containsExactly("NOT_FOUND");
        } finally {
            ok(admin.gql(ModuleEnablementTest.DISABLE, Map.of("c", "demo-second", "m", "organisation")));
        }
        assertThat(Db.count(db, "select count(*) from org_units where name = '夺取'")).isZero();
    }

    @Test
    void aTreeOfTwoThousandUnitsLoadsInAConstantNumberOfStatements() throws SQLException {
        Api admin = Api.as("admin");
        String code = ModuleEnablementTest.newCommunity(admin);
        ok(admin.gql(ModuleEnablementTest.ENABLE, Map.of("c", code, "m", "organisation")));
        Api reader = Api.as("admin").in(code);
        String query = "{ organisationTree { depth unit { name kind axisLevel parent { name } "
                + "children { name } members { position personName } } } }";

        long root;
        try (Connection c = db.getConnection()) {
            root = OrgUnits.insert(c, code, "社区党委", "COMMUNITY_PARTY_COMMITTEE", null);
            OrgUnits.addAxisBelow(c, code, root, 1, 2, 2, 3);              // 1 + 1 + 2 + 4 + 12 = 20 units
        }
        // once unmeasured: the community's module rows are then read and kept (they are not per request)
        assertThat(ok(reader.gql(query)).getList("data.organisationTree")).hasSize(20);
        long small = Statements.fewestOf(() -> ok(reader.gql(query)));

        try (Connection c = db.getConnection()) {
            OrgUnits.addAxisBelow(c, code, root, 10, 4, 9, 4);             // + 10 + 40 + 360 + 1440 = 1870
            OrgUnits.addAxisBelow(c, code, root, 1, 1, 9, 11);             // + 1 + 1 + 9 + 99 = 1980
            OrgUnits.addAxisBelow(c, code, root, 1, 1, 1, 17);             // + 1 + 1 + 1 + 17 = 2000
        }
        long large = Statements.fewestOf(() -> ok(reader.gql(query)));
        assertThat(ok(reader.gql(query)).getList("data.organisationTree")).hasSize(2000);
        assertThat(ok(reader.gql("{ organisationTree(depth: 5) { unit { axisLevel } } }"))
                .getList("data.organisationTree.unit.axisLevel")).contains(1, 2, 3, 4, 5);
        assertThat(large).isEqualTo(small);
    }



    private static String unitOfKind(String kind) {
        return ok(Api.as("community-admin").gql("query($k: OrgUnitKind) { orgUnits(kind: $k, first: 1) { edges { "
                + "node { id } } } }", Map.of("k", kind))).getString("data.orgUnits.edges[0].node.id");
    }
}
