package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linqin.core.module.LinqinModule;
import org.linqin.core.module.ModuleRegistry;
import org.linqin.core.security.Roles;
import org.linqin.server.support.Api;
import org.linqin.server.support.ModuleAuthorizationRows;
import org.linqin.server.support.Rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The authorization matrix, the kernel's conformance test: for every operation of the schema (and the resolver
 * fields reached from public operations), which roles may call it. Each is called by every demo user (one per role)
 * and anonymously, in the caller's own community and in another one (where the caller is not a member, and so is
 * exactly an anonymous caller: refused with FORBIDDEN "not a member" unless the row is public), with real Keycloak
 * tokens. The rows are those below (which use fixtures) plus those every installed module and plugin carries in its
 * own jar, {@code META-INF/linqin/authorization/<module-id>.json} (see {@link ModuleAuthorizationRows}). An operation
 * of the schema without a row, or a row defined twice, fails the test, so the matrix stays complete.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Anyone, signed in or not. */
    static final Set<String> PUBLIC = Set.of("*");
    /** Any signed-in caller, member of the addressed community or not (the caller's own account). */
    static final Set<String> SIGNED_IN = Set.of("signed-in");
    /** Members of the addressed community (any role there) and platform admins. */
    static final Set<String> MEMBERS = Set.of("member");
    static final Set<String> PLACE_EDITORS = Set.of(Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN);
    static final Set<String> STAFF = Set.copyOf(Roles.STAFF);

    /** Where the Java rows are defined, for messages. */
    private static final String HERE = "AuthorizationMatrixTest";
    /** "Module grid." or "Plugin notice-board." in an operation's description names the module that defines it. */
    private static final Pattern MODULE_IN_DESCRIPTION =
            Pattern.compile("\\b(?:Module|Plugin) ([a-z0-9]+(?:-[a-z0-9]+)*)\\b");

    record Row(Set<String> allowed, String document, Supplier<Map<String, Object>> variables, String origin) {
    }

    @Inject
    ModuleRegistry modules;

    private final Map<String, Row> matrix = new LinkedHashMap<>();
    private Map<String, Object> ids;

    @BeforeEach
    void fixtures() {
        // The modules' own rows first: they need no fixtures, and a malformed file fails before any is made.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (LinqinModule module : modules.all()) {
            for (ModuleAuthorizationRows.Row row : ModuleAuthorizationRows.of(module.id(), loader)) {
                Map<String, Object> variables = row.variables();
                add(row.operation(), new Row(row.allowed(), row.document(), () -> variables, row.origin()));
            }
        }

        Api admin = Api.as("community-admin");
        String compound = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", "矩阵-" + UUID.randomUUID()))).getString("data.createCompound.id");
        String building = ok(admin.gql("mutation($c: ID!) { createBuilding(input: {compoundId: $c, name: \"1栋\", "
                + "units: [\"1单元\"]}) { id } }", Map.of("c", compound))).getString("data.createBuilding.id");
        String place = ok(admin.gql("mutation($n: String!) { createPlace(input: {name: $n, kind: OTHER}) { id } }",
                Map.of("n", "矩阵-" + UUID.randomUUID()))).getString("data.createPlace.id");
        String person = ok(admin.gql("mutation { createPerson(input: {name: \"矩阵\"}) { id } }"))
                .getString("data.createPerson.id");
        String school = ok(admin.gql("mutation($n: String!) { createOrgUnit(input: {name: $n, kind: SCHOOL}) { id } }",
                Map.of("n", "矩阵学校-" + UUID.randomUUID()))).getString("data.createOrgUnit.id");
        String doomed = ok(admin.gql("mutation($n: String!) { createOrgUnit(input: {name: $n, kind: SCHOOL}) { id } }",
                Map.of("n", "矩阵撤销-" + UUID.randomUUID()))).getString("data.createOrgUnit.id");
        String group = ok(admin.gql("{ orgUnits(kind: PARTY_GROUP, first: 1) { edges { node { id } } } }"))
                .getString("data.orgUnits.edges[0].node.id");
        String room = Rooms.create("{noticeMinutes: 0}");
        String centre = ok(admin.gql("{ community { places(first: 100) { edges { node { id kind } } } } }"))
                .getString("data.community.places.edges.find { it.node.kind == 'SERVICE_CENTRE' }.node.id");
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10).toString();

        row("communities", PUBLIC, "{ communities { totalCount } }");
        row("community", PUBLIC, "{ community(code: \"changqing-6\") { name } }");
        row("modules", PUBLIC, "{ modules { id } }");
        row("compound", PUBLIC, "query($id: ID!) { compound(id: $id) { name } }", () -> Map.of("id", compound));
        row("building", PUBLIC, "query($id: ID!) { building(id: $id) { name } }", () -> Map.of("id", building));
        row("place", PUBLIC, "query($id: ID!) { place(id: $id) { name } }", () -> Map.of("id", place));
        row("me", SIGNED_IN, "{ me { roles } }");
        // Fields that read community data, reached from public operations: public ones answer anyone,
        // the others members only.
        row("Community.compounds", PUBLIC, "{ community(code: \"changqing-6\") { compounds { totalCount } } }");
        row("Community.places", PUBLIC, "{ community(code: \"changqing-6\") { places { totalCount } } }");
        row("Community.modules", MEMBERS, "{ community(code: \"changqing-6\") { modules { enabled } } }");
        row("Compound.buildings", PUBLIC, "query($id: ID!) { compound(id: $id) { buildings { name } } }",
                () -> Map.of("id", compound));
        row("Building.compound", PUBLIC, "query($id: ID!) { building(id: $id) { compound { name } } }",
                () -> Map.of("id", building));
        row("Place.compound", PUBLIC, "query($id: ID!) { place(id: $id) { compound { name } } }",
                () -> Map.of("id", place));
        row("placeHolds", MEMBERS, "query($id: ID!, $f: DateTime!, $t: DateTime!) { placeHolds(placeId: $id, from: $f, "
                + "to: $t) { startsAt } }", () -> Map.of("id", place, "f", day + "T00:00:00+08:00",
                "t", day + "T23:00:00+08:00"));
        row("people", STAFF, "{ people { totalCount } }");
        row("person", STAFF, "query($id: ID!) { person(id: $id) { name } }", () -> Map.of("id", person));
        // Resident verification: the caller's own side is open to every signed-in caller, member or not (a phone code
        // WeChat refuses meets VALIDATION_FAILED, a linked caller CONFLICT); staff who see phones in full decide.
        Set<String> verifiers = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
                Roles.PART_TIME_GRID_WORKER);
        row("verifyResidentByPhone", SIGNED_IN, "mutation { verifyResidentByPhone(phoneCode: \"matrix\") { id } }");
        row("redeemResidentInvitation", SIGNED_IN, "mutation { redeemResidentInvitation(code: \"MATRIX\") { id } }");
        row("myResidentVerifications", SIGNED_IN, "{ myResidentVerifications { totalCount } }");
        row("residentVerifications", verifiers, "{ residentVerifications(status: PENDING) { totalCount } }");
        row("issueResidentInvitation", verifiers, "mutation { issueResidentInvitation(personId: 1) { code } }");
        row("approveResidentVerification", verifiers, "mutation { approveResidentVerification(id: 1, personId: 1) "
                + "{ id } }");
        row("rejectResidentVerification", verifiers, "mutation { rejectResidentVerification(id: 1, reason: \"矩阵\") "
                + "{ id } }");
        row("unlinkResident", verifiers, "mutation { unlinkResident(personId: 1) { personId } }");

        row("createCommunity", Set.of(Roles.PLATFORM_ADMIN), "mutation($c: String!) { createCommunity(input: "
                + "{code: $c, name: \"矩阵社区\"}) { code } }",
                () -> Map.of("c", "m-" + UUID.randomUUID().toString().substring(0, 8)));
        row("updateCommunity", Set.of(Roles.PLATFORM_ADMIN), "mutation { updateCommunity(code: \"demo-second\", "
                + "input: {district: \"演示区 (demo district)\"}) { code } }");
        row("enableModule", Set.of(Roles.PLATFORM_ADMIN), "mutation { enableModule(community: \"changqing-6\", "
                + "module: \"notice-board\") { enabled } }");
        row("disableModule", Set.of(Roles.PLATFORM_ADMIN), "mutation { disableModule(community: \"demo-second\", "
                + "module: \"notice-board\") { enabled } }");
        row("updateModuleSettings", Set.of(Roles.PLATFORM_ADMIN), "mutation { updateModuleSettings(community: "
                + "\"changqing-6\", module: \"notice-board\", settings: [{key: \"signature\", value: \"社区党委\"}]) "
                + "{ enabled } }");
        row("createCompound", PLACE_EDITORS, "mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                () -> Map.of("n", "矩阵-" + UUID.randomUUID()));
        row("updateCompound", PLACE_EDITORS, "mutation($id: ID!, $n: String!) { updateCompound(id: $id, "
                + "input: {name: $n}) { id } }", () -> Map.of("id", compound, "n", "矩阵-" + UUID.randomUUID()));
        row("createBuilding", PLACE_EDITORS, "mutation($c: ID!, $n: String!) { createBuilding(input: "
                + "{compoundId: $c, name: $n, units: [\"1单元\"]}) { id } }",
                () -> Map.of("c", compound, "n", UUID.randomUUID().toString().substring(0, 8)));
        row("updateBuilding", PLACE_EDITORS, "mutation($id: ID!, $c: ID!, $n: String!) { updateBuilding(id: $id, "
                + "input: {compoundId: $c, name: $n, units: [\"1单元\"]}) { id } }",
                () -> Map.of("id", building, "c", compound, "n", UUID.randomUUID().toString().substring(0, 8)));
        row("createPlace", PLACE_EDITORS, "mutation($n: String!) { createPlace(input: {name: $n, kind: OTHER}) "
                + "{ id } }", () -> Map.of("n", "矩阵-" + UUID.randomUUID()));
        row("updatePlace", PLACE_EDITORS, "mutation($id: ID!, $n: String!) { updatePlace(id: $id, input: "
                + "{name: $n, kind: OTHER}) { id } }", () -> Map.of("id", place, "n", "矩阵-" + UUID.randomUUID()));
        row("createPerson", Set.of(Roles.COMMUNITY_ADMIN), "mutation { createPerson(input: {name: \"矩阵\"}) { id } }");
        row("updatePerson", Set.of(Roles.COMMUNITY_ADMIN), "mutation($id: ID!) { updatePerson(id: $id, input: "
                + "{name: \"矩阵\"}) { id } }", () -> Map.of("id", person));
        // The person has no login, so allowed callers get VALIDATION_FAILED and Keycloak is left alone.
        row("assignRole", PLACE_EDITORS, "mutation($id: ID!) { assignRole(personId: $id, role: VOLUNTEER) "
                + "{ role } }", () -> Map.of("id", person));
        row("revokeRole", PLACE_EDITORS, "mutation($id: ID!) { revokeRole(personId: $id, role: VOLUNTEER) "
                + "{ role } }", () -> Map.of("id", person));
        row("auditLog", PLACE_EDITORS, "{ auditLog(first: 1) { totalCount } }");

        // Module organisation (disabled in demo-second, so there allowed callers meet MODULE_DISABLED).
        Set<String> appointmentReaders = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
                Roles.PARTY_MEMBER);
        Set<String> visitors = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
                Roles.PART_TIME_GRID_WORKER);
        Set<String> admins = Set.of(Roles.COMMUNITY_ADMIN);
        row("organisationTree", MEMBERS, "{ organisationTree(depth: 2) { depth } }");
        row("orgUnit", MEMBERS, "query($id: ID!) { orgUnit(id: $id) { name } }", () -> Map.of("id", school));
        row("orgUnits", MEMBERS, "{ orgUnits { totalCount } }");
        row("agreements", MEMBERS, "{ agreements { totalCount } }");
        row("agreement", MEMBERS, "{ agreement(id: 1) { title } }");
        row("appointmentsOf", appointmentReaders, "query($p: ID!) { appointmentsOf(personId: $p) { id } }",
                () -> Map.of("p", person));
        row("crossAppointedPeople", appointmentReaders, "{ crossAppointedPeople { name } }");
        row("partyMemberCounts", Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.PARTY_MEMBER),
                "{ partyMemberCounts { directMembers } }");
        row("householdVisits", visitors, "{ householdVisits { totalCount } }");
        row("recordHouseholdVisit", visitors, "mutation($v: ID!, $b: ID!) { recordHouseholdVisit(input: "
                + "{visitorPersonId: $v, buildingId: $b, household: \"101\", outcome: \"矩阵\"}) { id } }",
                () -> Map.of("v", person, "b", building));
        row("createOrgUnit", admins, "mutation($n: String!) { createOrgUnit(input: {name: $n, kind: SCHOOL}) { id } }",
                () -> Map.of("n", "矩阵-" + UUID.randomUUID()));
        row("renameOrgUnit", admins, "mutation($id: ID!, $n: String!) { renameOrgUnit(id: $id, name: $n) { id } }",
                () -> Map.of("id", school, "n", "矩阵学校-" + UUID.randomUUID()));
        row("moveOrgUnit", admins, "mutation($id: ID!) { moveOrgUnit(id: $id) { id } }", () -> Map.of("id", school));
        row("dissolveOrgUnit", admins, "mutation($id: ID!) { dissolveOrgUnit(id: $id) { id } }",
                () -> Map.of("id", doomed));
        row("appoint", admins, "mutation($u: ID!, $p: ID!) { appoint(input: {unitId: $u, personId: $p, "
                + "position: MEMBER}) { id } }", () -> Map.of("u", school, "p", person));
        row("endAppointment", admins, "mutation { endAppointment(id: 1) { id } }");
        row("recordPartyMember", admins, "mutation($p: ID!, $u: ID!) { recordPartyMember(personId: $p, unitId: $u, "
                + "joinedOn: \"2020-07-01\") { joinedOn } }", () -> Map.of("p", person, "u", group));
        row("draftAgreement", admins, "mutation($a: ID!, $b: ID!) { draftAgreement(input: {title: \"矩阵\", "
                + "parties: [{unitId: $a, commitments: \"x\"}, {unitId: $b, commitments: \"y\"}]}) { id } }",
                () -> Map.of("a", school, "b", group));
        row("redraftAgreement", admins, "mutation($a: ID!, $b: ID!) { redraftAgreement(id: 1, input: {title: "
                + "\"矩阵\", parties: [{unitId: $a, commitments: \"x\"}, {unitId: $b, commitments: \"y\"}]}) "
                + "{ id } }", () -> Map.of("a", school, "b", group));
        row("signAgreement", admins, "mutation { signAgreement(id: 1) { id } }");
        row("endAgreement", admins, "mutation { endAgreement(id: 1) { id } }");

        // Module facility-booking. Booking roles and "booker or staff" are decided in the service (BookingTest);
        // booking needs a record in the community, which every holder of a community role has.
        Set<String> bookingStaff = Set.of(Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF);
        String roomInput = "{placeId: $p, name: $n, kind: OTHER, capacity: 10, openingHours: [{dayOfWeek: MONDAY, "
                + "opensAt: \"08:00\", closesAt: \"12:00\"}]}";
        row("rooms", MEMBERS, "{ rooms { totalCount } }");
        row("room", MEMBERS, "query($id: ID!) { room(id: $id) { name } }", () -> Map.of("id", room));
        row("freeSlots", MEMBERS, "query($id: ID!, $d: Date!) { freeSlots(roomId: $id, from: $d) { startsAt } }",
                () -> Map.of("id", room, "d", day));
        row("roomCalendar", MEMBERS, "query($id: ID!, $d: Date!) { roomCalendar(roomId: $id, from: $d) { id } }",
                () -> Map.of("id", room, "d", day));
        row("myBookings", MEMBERS, "{ myBookings { totalCount } }");
        row("pendingBookings", bookingStaff, "{ pendingBookings { totalCount } }");
        row("bookingUsage", Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.PROPERTY_STAFF),
                "query($d: Date!) { bookingUsage(from: \"2026-01-01\", to: $d) { from } }", () -> Map.of("d", day));
        row("createRoom", bookingStaff, "mutation($p: ID!, $n: String!) { createRoom(input: " + roomInput + ") { id } }",
                () -> Map.of("p", centre, "n", "矩阵室-" + UUID.randomUUID()));
        row("updateRoom", bookingStaff, "mutation($id: ID!, $p: ID!, $n: String!) { updateRoom(id: $id, input: "
                + roomInput + ") { id } }", () -> Map.of("id", room, "p", centre, "n", "矩阵室-" + UUID.randomUUID()));
        row("addRoomClosure", bookingStaff, "mutation($id: ID!) { addRoomClosure(roomId: $id, from: \"2030-01-01\", "
                + "to: \"2030-01-02\", reason: \"矩阵\") { id } }", () -> Map.of("id", room));
        row("removeRoomClosure", bookingStaff, "mutation($id: ID!) { removeRoomClosure(roomId: $id, from: "
                + "\"2031-01-01\") { id } }", () -> Map.of("id", room));
        row("rotateRoomCalendarLink", bookingStaff, "mutation($id: ID!) { rotateRoomCalendarLink(roomId: $id) { id } }",
                () -> Map.of("id", room));
        Set<String> members = Set.copyOf(Roles.COMMUNITY_ROLES);
        row("bookRoom", members, "mutation($id: ID!, $s: DateTime!, $e: DateTime!) { bookRoom(input: {roomId: $id, "
                + "startsAt: $s, endsAt: $e, purpose: \"矩阵\", attendance: 2}) { id } }",
                () -> Map.of("id", room, "s", day + "T10:00:00+08:00", "e", day + "T11:00:00+08:00"));
        row("bookRoomSeries", members, "mutation($id: ID!, $s: DateTime!, $e: DateTime!) { bookRoomSeries(input: "
                + "{first: {roomId: $id, startsAt: $s, endsAt: $e, purpose: \"矩阵\", attendance: 2}, weeks: 2, "
                + "onConflict: ALL_OR_NOTHING}) { seriesId } }",
                () -> Map.of("id", room, "s", day + "T10:00:00+08:00", "e", day + "T11:00:00+08:00"));
        row("cancelBooking", MEMBERS, "mutation { cancelBooking(id: 1) { id } }");
        row("checkIn", MEMBERS, "mutation { checkIn(id: 1) { id } }");
        row("approveBooking", bookingStaff, "mutation { approveBooking(id: 1) { id } }");
        row("rejectBooking", bookingStaff, "mutation { rejectBooking(id: 1, reason: \"矩阵\") { id } }");

        // Module grid. Which incidents a caller sees and may handle is decided in the service (IncidentTest).
        String grid = ok(admin.gql("mutation($n: String!) { createGrid(name: $n) { id } }",
                Map.of("n", "矩阵网格-" + UUID.randomUUID()))).getString("data.createGrid.id");
        Set<String> handlers = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
                Roles.PART_TIME_GRID_WORKER, Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF);
        Set<String> committee = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER);
        row("grids", MEMBERS, "{ grids { id } }");
        row("grid", MEMBERS, "query($id: ID!) { grid(id: $id) { name } }", () -> Map.of("id", grid));
        row("myGrid", MEMBERS, "{ myGrid { id } }");
        row("myGridResponsibilities", MEMBERS, "{ myGridResponsibilities { id } }");
        row("incidents", MEMBERS, "{ incidents { totalCount } }");
        row("incident", MEMBERS, "{ incident(id: 1) { id } }");
        row("incidentStatistics", Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
                Roles.PROPERTY_STAFF), "{ incidentStatistics(from: \"2026-01-01T00:00:00Z\", "
                + "to: \"2027-01-01T00:00:00Z\") { total } }");
        row("createGrid", admins, "mutation($n: String!) { createGrid(name: $n) { id } }",
                () -> Map.of("n", "矩阵网格-" + UUID.randomUUID()));
        row("setGridBuildings", admins, "mutation($id: ID!) { setGridBuildings(gridId: $id, buildingIds: []) { id } }",
                () -> Map.of("id", grid));
        row("assignGridMember", admins, "mutation($g: ID!, $p: ID!) { assignGridMember(gridId: $g, personId: $p, "
                + "role: GRID_WORKER) { id } }", () -> Map.of("g", grid, "p", person));
        row("removeGridMember", admins, "mutation { removeGridMember(memberId: 1) }");
        row("reportIncident", members, "mutation { reportIncident(input: {category: \"other\", description: "
                + "\"矩阵\"}) { id } }");
        row("acknowledgeIncident", handlers, "mutation { acknowledgeIncident(id: 1) { id } }");
        row("startIncident", handlers, "mutation { startIncident(id: 1) { id } }");
        row("escalateIncident", handlers, "mutation { escalateIncident(id: 1, note: \"矩阵\") { id } }");
        row("respondToSummons", handlers, "mutation { respondToSummons(summonsId: 1, response: \"矩阵\") { id } }");
        row("resolveIncident", handlers, "mutation { resolveIncident(id: 1, note: \"矩阵\") { id } }");
        row("reopenIncident", handlers, "mutation { reopenIncident(id: 1, note: \"矩阵\") { id } }");
        row("recordJointMeeting", committee, "mutation { recordJointMeeting(id: 1, input: {heldAt: "
                + "\"2026-12-01T19:00:00+08:00\", parties: [\"x\"], minutes: \"x\", decisions: \"x\"}) { id } }");
        row("blowWhistle", committee, "mutation { blowWhistle(id: 1, input: {departments: [{department: \"x\", "
                + "dueOn: \"2026-12-10\"}]}) { id } }");
        row("closeIncident", Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER),
                "mutation { closeIncident(id: 1) { id } }");
        row("rateIncident", MEMBERS, "mutation { rateIncident(id: 1, rating: 5) { id } }");

        // Module volunteer-team. Who leads which team is decided in the service (VolunteerTeamTest): with id 1 (no
        // such row) members meet NOT_FOUND. Operations on the caller's own volunteering need a record in the
        // community, which every holder of a community role has and the platform admin has not.
        String from = java.time.OffsetDateTime.now().toString();
        String to = java.time.OffsetDateTime.now().plusDays(7).toString();
        row("volunteerTeams", MEMBERS, "{ volunteerTeams { totalCount } }");
        row("volunteerTeam", MEMBERS, "{ volunteerTeam(id: 1) { name } }");
        row("myVolunteerTeams", members, "{ myVolunteerTeams { totalCount } }");
        row("volunteerTeamMembers", MEMBERS, "{ volunteerTeamMembers(teamId: 1) { totalCount } }");
        row("openVolunteerShifts", MEMBERS, "query($f: DateTime!, $t: DateTime!) { openVolunteerShifts(from: $f, "
                + "to: $t) { totalCount } }", () -> Map.of("f", from, "t", to));
        row("volunteerShift", MEMBERS, "{ volunteerShift(id: 1) { id } }");
        row("myVolunteerSignUps", members, "{ myVolunteerSignUps { totalCount } }");
        row("volunteerShiftRoster", MEMBERS, "{ volunteerShiftRoster(shiftId: 1) { id } }");
        row("volunteerRecord", members, "{ volunteerRecord { starLevel } }");
        row("volunteerHours", members, "{ volunteerHours { totalCount } }");
        row("volunteerMonths", members, "{ volunteerMonths(from: \"2026-01-01\", to: \"2027-01-01\") { month } }");
        row("volunteerLeaderboard", MEMBERS, "{ volunteerLeaderboard { name } }");
        row("pendingVolunteerHours", admins, "{ pendingVolunteerHours { totalCount } }");
        row("volunteerRewards", MEMBERS, "{ volunteerRewards { totalCount } }");
        row("volunteerPoints", members, "{ volunteerPoints { totalCount } }");
        row("createVolunteerTeam", admins, "mutation($n: String!) { createVolunteerTeam(input: {name: $n, kind: OTHER, "
                + "recruitment: OPEN}) { id } }", () -> Map.of("n", "矩阵队-" + UUID.randomUUID()));
        row("applyToVolunteerTeam", MEMBERS, "mutation { applyToVolunteerTeam(teamId: 1, input: {}) { id } }");
        row("joinVolunteerTeam", MEMBERS, "mutation { joinVolunteerTeam(code: \"NOPE\", input: {}) { id } }");
        row("decideVolunteerApplication", MEMBERS, "mutation { decideVolunteerApplication(memberId: 1, accept: true) "
                + "{ id } }");
        row("appointVolunteerTeamRole", admins, "mutation($p: ID!) { appointVolunteerTeamRole(teamId: 1, personId: $p, "
                + "role: MEMBER) { id } }", () -> Map.of("p", person));
        row("updateMyVolunteerSkills", MEMBERS, "mutation { updateMyVolunteerSkills(teamId: 1, input: {}) { id } }");
        row("leaveVolunteerTeam", MEMBERS, "mutation { leaveVolunteerTeam(memberId: 1) { id } }");
        row("createVolunteerActivity", MEMBERS, "mutation { createVolunteerActivity(input: {teamId: 1, title: \"矩阵\", "
                + "kind: PATROL}) { id } }");
        row("scheduleVolunteerShifts", MEMBERS, "mutation($s: DateTime!, $e: DateTime!) { scheduleVolunteerShifts("
                + "input: {activityId: 1, startsAt: $s, endsAt: $e, positions: [{name: \"x\", needed: 1}], "
                + "selfSignUp: true, waitingList: false}) { id } }",
                () -> Map.of("s", day + "T10:00:00+08:00", "e", day + "T11:00:00+08:00"));
        row("cancelVolunteerShift", MEMBERS, "mutation { cancelVolunteerShift(shiftId: 1) { id } }");
        row("signUpForVolunteerShift", members, "mutation { signUpForVolunteerShift(shiftId: 1) { id } }");
        row("assignVolunteerShift", MEMBERS, "mutation($p: ID!) { assignVolunteerShift(shiftId: 1, personId: $p) "
                + "{ id } }", () -> Map.of("p", person));
        row("cancelVolunteerSignUp", MEMBERS, "mutation { cancelVolunteerSignUp(shiftId: 1) { id } }");
        row("showVolunteerCheckCode", MEMBERS, "mutation { showVolunteerCheckCode(shiftId: 1) { code } }");
        row("checkInToVolunteerShift", MEMBERS, "mutation { checkInToVolunteerShift(shiftId: 1, code: \"000000\") "
                + "{ id } }");
        row("checkOutOfVolunteerShift", MEMBERS, "mutation { checkOutOfVolunteerShift(shiftId: 1, code: \"000000\") "
                + "{ id } }");
        row("checkVolunteerMember", MEMBERS, "mutation($p: ID!) { checkVolunteerMember(shiftId: 1, personId: $p, "
                + "out: false) { id } }", () -> Map.of("p", person));
        row("backfillVolunteerHours", MEMBERS, "mutation($p: ID!) { backfillVolunteerHours(input: {teamId: 1, "
                + "personId: $p, workedOn: \"2026-11-01\", minutes: 60, reason: \"矩阵\"}) { id } }",
                () -> Map.of("p", person));
        row("correctVolunteerHours", MEMBERS, "mutation { correctVolunteerHours(entryId: 1, minutes: 10, reason: "
                + "\"矩阵\") { id } }");
        row("decideVolunteerHours", admins, "mutation { decideVolunteerHours(entryId: 1, approve: true) { id } }");
        row("setVolunteerLeaderboardOptIn", members, "mutation { setVolunteerLeaderboardOptIn(optIn: false) }");
        row("createVolunteerReward", admins, "mutation($n: String!) { createVolunteerReward(input: {name: $n, cost: 10, "
                + "stock: 1}) { id } }", () -> Map.of("n", "矩阵奖-" + UUID.randomUUID()));
        row("redeemVolunteerReward", members, "mutation { redeemVolunteerReward(rewardId: 1) { id } }");
        row("reportVolunteerFinding", MEMBERS, "mutation { reportVolunteerFinding(shiftId: 1, input: {category: "
                + "\"safety\", description: \"矩阵\"}) { incidentId } }");
        row("volunteerServiceRecord", members, "{ volunteerServiceRecord(from: \"2026-01-01\", to: \"2027-01-01\") "
                + "{ name } }");
        row("issueVolunteerServiceRecord", members, "mutation { issueVolunteerServiceRecord(from: \"2026-01-01\", "
                + "to: \"2027-01-01\") { printPath } }");
        row("volunteerHoursReport", admins, "{ volunteerHoursReport(from: \"2026-01-01\", to: \"2027-01-01\") "
                + "{ totalCount } }");
        row("volunteerTeamStatistics", MEMBERS, "{ volunteerTeamStatistics(teamId: 1, from: \"2026-01-01\", "
                + "to: \"2027-01-01\") { shifts } }");

        // Module cultural-event. Organisers (admins, committee members, property staff) are decided in the service,
        // before any lookup; with id 1 (no such row) other callers who pass meet NOT_FOUND. Registering, feedback and
        // teams need the caller's record in the community.
        Set<String> organisers = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.PROPERTY_STAFF,
                Roles.PLATFORM_ADMIN);
        String festival = ok(admin.gql("{ upcomingCulturalEvents(first: 100) { edges { node { id seriesId } } } }"))
                .getString("data.upcomingCulturalEvents.edges.find { it.node.seriesId != null }.node.id");
        String eventDay = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        String newEvent = "mutation($s: DateTime!, $e: DateTime!) { createCulturalEvent(input: {title: \"矩阵\", "
                + "category: OTHER, visibility: MEMBERS, subEvents: [{title: \"矩阵\", startsAt: $s, endsAt: $e, "
                + "ticketKinds: [{name: \"普通\", quota: 5}]}]}) { id } }";
        row("upcomingCulturalEvents", PUBLIC, "{ upcomingCulturalEvents { totalCount } }");
        row("culturalEvent", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { title } }", () -> Map.of("e", festival));
        row("CulturalEvent.subEvents", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { subEvents { title } } }",
                () -> Map.of("e", festival));
        row("SubEvent.ticketKinds", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { subEvents { ticketKinds "
                + "{ free } } } }", () -> Map.of("e", festival));
        row("CulturalEvent.organisers", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { organisers { name } } }",
                () -> Map.of("e", festival));
        row("CulturalEvent.series", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { series { name } } }",
                () -> Map.of("e", festival));
        row("CulturalEvent.closingReport", PUBLIC, "query($e: ID!) { culturalEvent(id: $e) { closingReport "
                + "{ summary } } }", () -> Map.of("e", festival));
        row("culturalEventSeries", PUBLIC, "{ culturalEventSeries { totalCount } }");
        row("culturalEventTeams", PUBLIC, "query($e: ID!) { culturalEventTeams(eventId: $e) { name } }",
                () -> Map.of("e", festival));
        row("EventTeam.members", MEMBERS, "query($e: ID!) { culturalEventTeams(eventId: $e) { members { personId } } }",
                () -> Map.of("e", festival));
        row("culturalEventCompetitionItems", PUBLIC, "query($e: ID!) { culturalEventCompetitionItems(eventId: $e) "
                + "{ name } }", () -> Map.of("e", festival));
        row("CompetitionItem.results", PUBLIC, "query($e: ID!) { culturalEventCompetitionItems(eventId: $e) "
                + "{ results { rank } } }", () -> Map.of("e", festival));
        row("culturalEventLeaderboard", PUBLIC, "query($e: ID!) { culturalEventLeaderboard(eventId: $e) { rank } }",
                () -> Map.of("e", festival));
        row("managedCulturalEvents", organisers, "{ managedCulturalEvents { totalCount } }");
        row("culturalEventEditions", MEMBERS, "{ culturalEventEditions(seriesId: 1) { tickets } }");
        row("culturalEventStatistics", MEMBERS, "{ culturalEventStatistics(eventId: 1) { tickets } }");
        row("culturalEventLinks", organisers, "{ culturalEventLinks(eventId: 1) { targetId } }");
        row("createCulturalEventSeries", organisers, "mutation($n: String!) { createCulturalEventSeries(input: "
                + "{name: $n}) { id } }", () -> Map.of("n", "矩阵-" + UUID.randomUUID()));
        row("createCulturalEvent", organisers, newEvent,
                () -> Map.of("s", eventDay + "T10:00:00+08:00", "e", eventDay + "T11:00:00+08:00"));
        row("publishCulturalEvent", organisers, "mutation { publishCulturalEvent(id: 1) { id } }");
        row("cancelCulturalEvent", organisers, "mutation { cancelCulturalEvent(id: 1, reason: \"矩阵\") { id } }");
        row("closeCulturalEvent", organisers, "mutation { closeCulturalEvent(id: 1, input: {summary: \"矩阵\"}) "
                + "{ registered } }");
        row("scheduleCulturalEventStewards", organisers, "mutation { scheduleCulturalEventStewards(input: {subEventId: 1, "
                + "teamId: 1, peopleNeeded: 2}) { targetId } }");
        row("reportCulturalEventIncident", members, "mutation { reportCulturalEventIncident(input: {subEventId: 1, "
                + "category: \"safety\", description: \"矩阵\"}) { targetId } }");
        row("registerForCulturalEvent", members, "mutation { registerForCulturalEvent(input: {subEventId: 1, "
                + "ticketKindId: 1}) { id } }");
        row("cancelCulturalEventRegistration", MEMBERS, "mutation { cancelCulturalEventRegistration(id: 1) { id } }");
        row("acceptCulturalEventOffer", MEMBERS, "mutation { acceptCulturalEventOffer(id: 1) { id } }");
        row("decideCulturalEventRegistration", organisers, "mutation { decideCulturalEventRegistration(id: 1, "
                + "approve: true) { id } }");
        row("myCulturalEventRegistrations", members, "{ myCulturalEventRegistrations { totalCount } }");
        row("culturalEventRoster", MEMBERS, "{ culturalEventRoster(subEventId: 1) { totalCount } }");
        row("createCulturalEventCheckInList", organisers, "mutation { createCulturalEventCheckInList(input: "
                + "{eventId: 1, name: \"矩阵\"}) { id } }");
        row("culturalEventCheckInLists", MEMBERS, "{ culturalEventCheckInLists(eventId: 1) { id } }");
        row("checkInCulturalEventTicket", MEMBERS, "mutation { checkInCulturalEventTicket(listId: 1, ticketCode: "
                + "\"ABCDEFGHJKLM\") { firstEntry } }");
        row("culturalEventCheckInCounts", MEMBERS, "{ culturalEventCheckInCounts(eventId: 1) { name } }");
        row("giveCulturalEventFeedback", members, "mutation { giveCulturalEventFeedback(eventId: 1, rating: 5) "
                + "{ id } }");
        row("culturalEventFeedback", organisers, "{ culturalEventFeedback(eventId: 1) { totalCount } }");
        row("formCulturalEventTeam", members, "mutation { formCulturalEventTeam(input: {eventId: 1, name: \"矩阵\"}) "
                + "{ id } }");
        row("addCulturalEventTeamMember", MEMBERS, "mutation($p: ID!) { addCulturalEventTeamMember(teamId: 1, "
                + "personId: $p) { teamId } }", () -> Map.of("p", person));
        row("removeCulturalEventTeamMember", MEMBERS, "mutation($p: ID!) { removeCulturalEventTeamMember(teamId: 1, "
                + "personId: $p) { teamId } }", () -> Map.of("p", person));
        row("addCulturalEventCompetitionItem", organisers, "mutation { addCulturalEventCompetitionItem(input: "
                + "{eventId: 1, name: \"矩阵\", kind: RELAY}) { id } }");
        row("recordCulturalEventResult", organisers, "mutation { recordCulturalEventResult(input: {itemId: 1, "
                + "teamId: 1, rank: 1, points: 3}) { rank } }");
    }

    @Test
    void everyOperationOfTheSchemaHasARow() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
                Files.readString(SchemaContractTest.CONTRACT, StandardCharsets.UTF_8)));
        Map<String, GraphQLFieldDefinition> operations = new TreeMap<>();
        schema.getQueryType().getFieldDefinitions().forEach(f -> operations.put(f.getName(), f));
        schema.getMutationType().getFieldDefinitions().forEach(f -> operations.put(f.getName(), f));

        List<String> missing = new ArrayList<>();
        for (GraphQLFieldDefinition operation : operations.values()) {
            if (!matrix.containsKey(operation.getName())) {
                missing.add(operation.getName() + ": " + whereToAdd(operation));
            }
        }
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, Row> entry : new TreeMap<>(matrix).entrySet()) {
            String key = entry.getKey();
            int dot = key.indexOf('.');
            boolean exists = dot < 0 ? operations.containsKey(key)
                    : schema.getType(key.substring(0, dot)) instanceof GraphQLObjectType type
                            && type.getFieldDefinition(key.substring(dot + 1)) != null;
            if (!exists) {
                orphans.add(key + " (" + entry.getValue().origin() + "): no such " + (dot < 0 ? "query or mutation"
                        : "field") + " in graphql-schema/schema.graphql; fix its name or remove the row");
            }
        }
        if (!missing.isEmpty() || !orphans.isEmpty()) {
            StringBuilder message = new StringBuilder("The authorization matrix does not match the schema.");
            if (!missing.isEmpty()) {
                message.append("\nOperations without a row (").append(missing.size()).append("):");
                missing.forEach(m -> message.append("\n  - ").append(m));
            }
            if (!orphans.isEmpty()) {
                message.append("\nRows without an operation (").append(orphans.size()).append("):");
                orphans.forEach(o -> message.append("\n  - ").append(o));
            }
            fail(message.toString());
        }
    }

    /** Where the row of an operation goes: the file of the module its description names, if one is installed. */
    private String whereToAdd(GraphQLFieldDefinition operation) {
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        Matcher named = MODULE_IN_DESCRIPTION.matcher(description);
        while (named.find()) {
            String module = named.group(1);
            if (modules.find(module).isPresent()) {
                return "add a row for " + operation.getName() + " to " + ModuleAuthorizationRows.resource(module)
                        + " of the module that defines it (" + module + ", as its description says)";
            }
        }
        return "add a row for " + operation.getName() + " to " + ModuleAuthorizationRows.resource("<module-id>")
                + " of the module that defines it (or, for a kernel operation, to the Java rows of " + HERE + ")";
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixSaysInItsOwnAndAnotherCommunity() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Row> entry : matrix.entrySet()) {
            for (Caller caller : callers()) {
                for (String community : List.of("changqing-6", "demo-second")) {
                    boolean own = community.equals(caller.community());
                    Set<String> roles = new TreeSet<>(caller.platformRoles());
                    if (own) {
                        roles.addAll(caller.roles());
                    }
                    boolean member = roles.contains(Roles.PLATFORM_ADMIN) || (own && !caller.roles().isEmpty());
                    Row row = entry.getValue();
                    boolean allowed = row.allowed().contains("*")
                            || (caller.username() != null && row.allowed().contains("signed-in"))
                            || (member && row.allowed().contains("member"))
                            || (member && roles.stream().anyMatch(row.allowed()::contains));
                    Api api = (caller.username() == null ? Api.anonymous() : Api.as(caller.username())).in(community);
                    JsonPath response = api.gql(row.document(), new HashMap<>(row.variables().get()));
                    List<String> codes = codes(response);
                    if (codes.contains("MODULE_DISABLED")) {
                        // the guard answers after the security annotations (judged: they answer first) and
                        // before any service rule, so there is nothing more to judge
                        continue;
                    }
                    if (codes.contains("INTERNAL")) {
                        // a broken operation neither allows nor refuses: it must not pass as "allowed"
                        wrong.add(entry.getKey() + " by " + caller.username() + " in " + community
                                + ": INTERNAL " + response.getString("errors[0].message"));
                        continue;
                    }
                    boolean refused = codes.contains("FORBIDDEN") || codes.contains("UNAUTHENTICATED");
                    // A member of another community is there exactly an anonymous caller, told why.
                    boolean nonMember = caller.username() != null && !member && !row.allowed().contains("signed-in");
                    if (!allowed && nonMember && !(codes.contains("FORBIDDEN")
                            && response.getString("errors[0].message").contains("not a member"))) {
                        wrong.add(entry.getKey() + " by " + caller.username() + " in " + community
                                + ": expected FORBIDDEN as a non-member, got " + codes);
                        continue;
                    }
                    if (allowed == refused) {
                        wrong.add(entry.getKey() + " by " + (caller.username() == null ? "anonymous" : caller.username())
                                + " in " + community + ": expected " + (allowed ? "allowed" : "refused") + ", got "
                                + codes);
                    }
                }
            }
        }
        assertThat(wrong).as("calls that do not match the matrix").isEmpty();
    }

    record Caller(String username, String community, Set<String> roles, Set<String> platformRoles) {
    }

    /**
     * Anonymous, plus every demo user of changqing-6 (one per role), the platform admin and the newcomer, who holds no
     * role anywhere.
     */
    private static List<Caller> callers() throws IOException {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(null, null, Set.of(), Set.of()));
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/demo/users.json")) {
            for (JsonNode user : new ObjectMapper().readTree(in)) {
                String community = user.path("community").isNull() ? null : user.path("community").asText();
                if (community != null && !community.equals("changqing-6")) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                user.path("roles").forEach(r -> roles.add(r.asText()));
                Set<String> platform = new TreeSet<>();
                user.path("platformRoles").forEach(r -> platform.add(r.asText()));
                callers.add(new Caller(user.get("username").asText(), community, roles, platform));
            }
        }
        return callers;
    }

    private void row(String operation, Set<String> allowed, String document) {
        row(operation, allowed, document, Map::of);
    }

    private void row(String operation, Set<String> allowed, String document, Supplier<Map<String, Object>> variables) {
        add(operation, new Row(allowed, document, variables, HERE));
    }

    private void add(String operation, Row row) {
        Row earlier = matrix.putIfAbsent(operation, row);
        if (earlier != null) {
            fail("The authorization matrix has two rows for " + operation + ": " + earlier.origin() + " and "
                    + row.origin() + "; keep one, in the module that defines " + operation);
        }
    }
}
