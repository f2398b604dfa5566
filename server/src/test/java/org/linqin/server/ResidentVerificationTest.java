package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.security.Roles;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.KeycloakAdmin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Resident verification (居民认证) through HTTP, with the real Keycloak and the development WeChat stand-in: each test
 * signs in users created for it that hold no role anywhere, as WeChat users are after their first sign-in.
 */
@QuarkusTest
class ResidentVerificationTest {

    static final String C6 = "changqing-6";
    static final String SECOND = "demo-second";
    static final String FIELDS = "{ id community method status applicant phone personId requestedAt decidedAt "
            + "rejectionReason }";
    static final String BY_PHONE = "mutation($c: String!) { verifyResidentByPhone(phoneCode: $c) " + FIELDS + " }";
    static final String REDEEM = "mutation($c: String!) { redeemResidentInvitation(code: $c) " + FIELDS + " }";
    static final String ISSUE = "mutation($p: ID!) { issueResidentInvitation(personId: $p) { code personId community "
            + "expiresAt } }";
    static final String APPROVE = "mutation($id: ID!, $p: ID!) { approveResidentVerification(id: $id, personId: $p) "
            + FIELDS + " }";
    static final String REJECT = "mutation($id: ID!, $r: String!) { rejectResidentVerification(id: $id, reason: $r) "
            + FIELDS + " }";
    static final String UNLINK = "mutation($p: ID!) { unlinkResident(personId: $p) { personId community } }";
    static final String PENDING = "{ residentVerifications(status: PENDING, first: 100) { totalCount edges { node "
            + FIELDS + " } } }";
    static final String MINE = "{ myResidentVerifications { totalCount edges { node " + FIELDS + " } } }";
    /** Members only: answers residents, refuses non-members. */
    static final String MEMBERS_ONLY = "query($c: String!) { community(code: $c) { modules { enabled } } }";

    @Inject
    AgroalDataSource db;

    /** A user who has just signed in for the first time: no role in any community. */
    static String newUser() {
        String username = "wx-" + UUID.randomUUID().toString().substring(0, 12);
        KeycloakAdmin.createUser(username);
        return username;
    }

    static String subjectOf(String username) {
        return ok(Api.as(username).gql("{ me { subject } }")).getString("data.me.subject");
    }

    static String newPhone() {
        return "17" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    static String phoneCode(String phone) {
        return "phone-" + phone + "." + UUID.randomUUID();
    }

    static String newPerson(String community, String admin, String phone) {
        return ok(Api.as(admin).in(community).gql("mutation($p: String) { createPerson(input: {name: \"待认证\", "
                + "phone: $p}) { id } }", java.util.Collections.singletonMap("p", phone)))
                .getString("data.createPerson.id");
    }

    /** The groups claim of a freshly issued access token (the next login). */
    @SuppressWarnings("unchecked")
    static List<String> groupsInNextToken(String username) {
        String token = Api.freshToken(username);
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        List<String> groups = new JsonPath(payload).getList("groups");
        return groups == null ? List.of() : groups;
    }

    /** The community roles among the roles in force (new users also hold Keycloak's default realm roles). */
    static List<String> communityRoles(List<String> roles) {
        return roles.stream().filter(Roles.COMMUNITY_ROLES::contains).toList();
    }

    /**
     * Double submits (a double tap on redeem, a double click on unlink) are decided once: the losers are refused
     * before Keycloak is asked, so no rollback undoes the winner's group change.
     */
    @Test
    void doubleSubmitsLeaveTheDatabaseAndKeycloakAgreeing() throws Exception {
        String user = newUser();
        String subject = subjectOf(user);
        String person = newPerson(C6, "community-admin", newPhone());
        Api staff = Api.as("community-admin").in(C6);
        String code = ok(staff.gql(ISSUE, Map.of("p", person))).getString("data.issueResidentInvitation.code");
        Api wx = Api.as(user).in(C6);

        List<JsonPath> redeemed = atOnce(4, () -> wx.gql(REDEEM, Map.of("c", code)));
        assertThat(redeemed).filteredOn(a -> "VERIFIED".equals(a.getString("data.redeemResidentInvitation.status")))
                .hasSize(1);
        assertThat(KeycloakAdmin.groupsOf(subject)).containsExactly("/communities/changqing-6/resident");
        assertThat(Db.count(db, "select count(*) from people where subject = ?", subject)).isEqualTo(1);

        List<JsonPath> unlinked = atOnce(4, () -> staff.gql(UNLINK, Map.of("p", person)));
        assertThat(unlinked).filteredOn(a -> a.getList("errors") == null).hasSize(1);
        assertThat(KeycloakAdmin.groupsOf(subject)).isEmpty();
        assertThat(Db.count(db, "select count(*) from people where subject = ?", subject)).isZero();
    }

    private static List<JsonPath> atOnce(int times, java.util.concurrent.Callable<JsonPath> request)
            throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<JsonPath>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<JsonPath> all = new java.util.ArrayList<>();
            for (var answer : answers) {
                all.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMatchingPhoneLinksAtOnceAndTheNextTokenCarriesResident() {
        String user = newUser();
        String subject = subjectOf(user);
        String phone = newPhone();
        String person = newPerson(C6, "community-admin", phone);
        Api wx = Api.as(user).in(C6);
        assertThat(codes(wx.gql(MEMBERS_ONLY, Map.of("c", C6)))).containsExactly("FORBIDDEN");

        String code = phoneCode(phone);
        JsonPath verified = ok(wx.gql(BY_PHONE, Map.of("c", code)));
        assertThat(verified.getString("data.verifyResidentByPhone.status")).isEqualTo("VERIFIED");
        assertThat(verified.getString("data.verifyResidentByPhone.method")).isEqualTo("PHONE");
        assertThat(verified.getString("data.verifyResidentByPhone.personId")).isEqualTo(person);
        assertThat(verified.getString("data.verifyResidentByPhone.community")).isEqualTo(C6);
        assertThat(KeycloakAdmin.groupsOf(subject)).containsExactly("/communities/changqing-6/resident");

        // the token in hand still has no role; the next one does
        assertThat(codes(wx.gql(MEMBERS_ONLY, Map.of("c", C6)))).containsExactly("FORBIDDEN");
        assertThat(groupsInNextToken(user)).containsExactly("/communities/changqing-6/resident");
        ok(wx.gql(MEMBERS_ONLY, Map.of("c", C6)));
        JsonPath me = ok(wx.gql("{ me { roles person { id hasLogin } } }"));
        assertThat(communityRoles(me.getList("data.me.roles"))).containsExactly("resident");
        assertThat(me.getString("data.me.person.id")).isEqualTo(person);
        assertThat(codes(wx.gql("{ people { totalCount } }"))).containsExactly("FORBIDDEN");

        // the same code again, by the same user and by another: refused, nothing changes
        JsonPath again = wx.gql(BY_PHONE, Map.of("c", code));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(again.getString("errors[0].extensions.reason")).isEqualTo("ALREADY_RESIDENT");
        JsonPath replayed = Api.as(newUser()).in(C6).gql(BY_PHONE, Map.of("c", code));
        assertThat(codes(replayed)).containsExactly("VALIDATION_FAILED");
        assertThat(replayed.getString("errors[0].extensions.fields[0].field")).isEqualTo("phoneCode");

        assertThat(Db.count(db, "select count(*) from audit_log where action = 'resident.verified' and target_id = ? "
                + "and details->>'subject' = ?", person, subject)).isEqualTo(1);
    }

    @Test
    void noMatchWaitsForStaffWhoApprove() {
        String user = newUser();
        String subject = subjectOf(user);
        String phone = newPhone();
        Api wx = Api.as(user).in(C6);

        JsonPath pending = ok(wx.gql(BY_PHONE, Map.of("c", phoneCode(phone))));
        assertThat(pending.getString("data.verifyResidentByPhone.status")).isEqualTo("PENDING");
        assertThat(pending.getString("data.verifyResidentByPhone.personId")).isNull();
        assertThat(pending.getString("data.verifyResidentByPhone.phone")).isEqualTo(phone);
        String id = pending.getString("data.verifyResidentByPhone.id");
        assertThat(KeycloakAdmin.groupsOf(subject)).isEmpty();
        JsonPath twice = wx.gql(BY_PHONE, Map.of("c", phoneCode(phone)));
        assertThat(twice.getString("errors[0].extensions.reason")).isEqualTo("PENDING");
        assertThat(ok(Api.as(user).gql(MINE)).getList("data.myResidentVerifications.edges.node.id")).containsExactly(id);

        // staff who may see phones in full see it; other roles do not
        JsonPath listed = ok(Api.as("grid-worker").gql(PENDING));
        assertThat(listed.getString("data.residentVerifications.edges.find { it.node.id == '" + id + "' }.node.phone"))
                .isEqualTo(phone);
        for (String refused : List.of("resident", "property-staff", "building-leader", "volunteer")) {
            assertThat(codes(Api.as(refused).gql(PENDING))).as(refused).containsExactly("FORBIDDEN");
            assertThat(codes(Api.as(refused).gql(APPROVE, Map.of("id", id, "p", "1")))).as(refused)
                    .containsExactly("FORBIDDEN");
        }
        assertThat(Db.count(db, "select count(*) from audit_log where action = 'resident-verification.read' "
                + "and target_id = ?", id)).isPositive();

        // a record that already has a login cannot be given to someone else
        String taken = ok(Api.as("resident").gql("{ me { person { id } } }")).getString("data.me.person.id");
        JsonPath linkedElsewhere = Api.as("community-admin").gql(APPROVE, Map.of("id", id, "p", taken));
        assertThat(linkedElsewhere.getString("errors[0].extensions.reason")).isEqualTo("PERSON_LINKED");

        String person = newPerson(C6, "community-admin", null);
        JsonPath approved = ok(Api.as("grid-worker").gql(APPROVE, Map.of("id", id, "p", person)));
        assertThat(approved.getString("data.approveResidentVerification.status")).isEqualTo("VERIFIED");
        assertThat(approved.getString("data.approveResidentVerification.personId")).isEqualTo(person);
        assertThat(KeycloakAdmin.groupsOf(subject)).containsExactly("/communities/changqing-6/resident");
        assertThat(groupsInNextToken(user)).containsExactly("/communities/changqing-6/resident");
        ok(wx.gql(MEMBERS_ONLY, Map.of("c", C6)));

        JsonPath decidedAlready = Api.as("community-admin").gql(APPROVE, Map.of("id", id, "p", person));
        assertThat(codes(decidedAlready)).containsExactly("CONFLICT");
        assertThat(decidedAlready.getString("errors[0].extensions.reason")).isEqualTo("NOT_PENDING");
        assertThat(Db.count(db, "select count(*) from audit_log where action in ('resident.verification-requested', "
                + "'resident.verified') and (target_id = ? or target_id = ?)", id, person)).isEqualTo(2);
    }

    @Test
    void rejectedRequestsGrantNothingAndSayWhy() {
        String user = newUser();
        String subject = subjectOf(user);
        String id = ok(Api.as(user).in(C6).gql(BY_PHONE, Map.of("c", phoneCode(newPhone()))))
                .getString("data.verifyResidentByPhone.id");
        for (String blank : List.of("", "   ", "x".repeat(501))) {
            JsonPath refused = Api.as("committee-member").gql(REJECT, Map.of("id", id, "r", blank));
            assertThat(refused.getString("errors[0].extensions.fields[0].field")).isEqualTo("reason");
        }
        JsonPath rejected = ok(Api.as("committee-member").gql(REJECT, Map.of("id", id, "r", "查无此人 (no such resident)")));
        assertThat(rejected.getString("data.rejectResidentVerification.status")).isEqualTo("REJECTED");
        JsonPath mine = ok(Api.as(user).gql(MINE));
        assertThat(mine.getString("data.myResidentVerifications.edges[0].node.rejectionReason"))
                .isEqualTo("查无此人 (no such resident)");
        assertThat(KeycloakAdmin.groupsOf(subject)).isEmpty();
        String person = newPerson(C6, "community-admin", null);
        assertThat(Api.as("community-admin").gql(APPROVE, Map.of("id", id, "p", person))
                .getString("errors[0].extensions.reason")).isEqualTo("NOT_PENDING");
        // once rejected, the user may ask again
        assertThat(ok(Api.as(user).in(C6).gql(BY_PHONE, Map.of("c", phoneCode(newPhone()))))
                .getString("data.verifyResidentByPhone.status")).isEqualTo("PENDING");
    }

    @Test
    void unlinkingTakesResidentAwayFromTheNextToken() {
        String user = newUser();
        String subject = subjectOf(user);
        String phone = newPhone();
        String person = newPerson(C6, "community-admin", phone);
        ok(Api.as(user).in(C6).gql(BY_PHONE, Map.of("c", phoneCode(phone))));
        assertThat(groupsInNextToken(user)).containsExactly("/communities/changqing-6/resident");

        JsonPath unlinked = ok(Api.as("grid-worker").gql(UNLINK, Map.of("p", person)));
        assertThat(unlinked.getString("data.unlinkResident.personId")).isEqualTo(person);
        assertThat(KeycloakAdmin.groupsOf(subject)).isEmpty();
        assertThat(groupsInNextToken(user)).isEmpty();
        assertThat(codes(Api.as(user).in(C6).gql(MEMBERS_ONLY, Map.of("c", C6)))).containsExactly("FORBIDDEN");
        assertThat(ok(Api.as("community-admin").gql("query($id: ID!) { person(id: $id) { hasLogin } }",
                Map.of("id", person))).getBoolean("data.person.hasLogin")).isFalse();
        assertThat(ok(Api.as(user).gql(MINE)).getString("data.myResidentVerifications.edges[0].node.status"))
                .isEqualTo("UNLINKED");
        JsonPath twice = Api.as("grid-worker").gql(UNLINK, Map.of("p", person));
        assertThat(twice.getString("errors[0].extensions.fields[0].field")).isEqualTo("personId");
        assertThat(codes(Api.as("resident").gql(UNLINK, Map.of("p", person)))).containsExactly("FORBIDDEN");
        assertThat(Db.count(db, "select count(*) from audit_log where action = 'resident.unlinked' and target_id = ?",
                person)).isEqualTo(1);

        // the record is free again: verified anew, by invitation this time
        String code = ok(Api.as("community-admin").gql(ISSUE, Map.of("p", person)))
                .getString("data.issueResidentInvitation.code");
        ok(Api.as(user).in(C6).gql(REDEEM, Map.of("c", code)));
        assertThat(groupsInNextToken(user)).containsExactly("/communities/changqing-6/resident");
    }

    @Test
    void invitationCodesWorkOnceBeforeTheyExpire() {
        String person = newPerson(C6, "community-admin", null);
        JsonPath issued = ok(Api.as("part-time-grid-worker").gql(ISSUE, Map.of("p", person)));
        String code = issued.getString("data.issueResidentInvitation.code");
        assertThat(code).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(Db.count(db, "select count(*) from resident_invitations where code_hash = ? or code_hash = ?",
                code, code.replace("-", ""))).as("only the hash is kept").isZero();

        String first = newUser();
        String subject = subjectOf(first);
        // case, spaces and hyphens do not matter
        String typed = " " + code.toLowerCase().replace("-", " ") + " ";
        JsonPath redeemed = ok(Api.as(first).in(C6).gql(REDEEM, Map.of("c", typed)));
        assertThat(redeemed.getString("data.redeemResidentInvitation.status")).isEqualTo("VERIFIED");
        assertThat(redeemed.getString("data.redeemResidentInvitation.method")).isEqualTo("INVITATION");
        assertThat(redeemed.getString("data.redeemResidentInvitation.personId")).isEqualTo(person);
        assertThat(KeycloakAdmin.groupsOf(subject)).containsExactly("/communities/changqing-6/resident");
        assertThat(groupsInNextToken(first)).containsExactly("/communities/changqing-6/resident");

        JsonPath used = Api.as(newUser()).in(C6).gql(REDEEM, Map.of("c", code));
        assertThat(codes(used)).containsExactly("VALIDATION_FAILED");
        assertThat(used.getString("errors[0].extensions.reason")).isEqualTo("USED");
        assertThat(used.getString("errors[0].extensions.fields[0].field")).isEqualTo("code");
        JsonPath linked = Api.as("community-admin").gql(ISSUE, Map.of("p", person));
        assertThat(linked.getString("errors[0].extensions.reason")).isEqualTo("PERSON_LINKED");

        // a newer code replaces the older one; an expired one is refused
        String other = newPerson(C6, "community-admin", null);
        String older = ok(Api.as("community-admin").gql(ISSUE, Map.of("p", other)))
                .getString("data.issueResidentInvitation.code");
        String newer = ok(Api.as("community-admin").gql(ISSUE, Map.of("p", other)))
                .getString("data.issueResidentInvitation.code");
        String second = newUser();
        assertThat(Api.as(second).in(C6).gql(REDEEM, Map.of("c", older)).getString("errors[0].extensions.reason"))
                .isEqualTo("REPLACED");
        Db.update(db, "update resident_invitations set expires_at = now() - interval '1 second' where person_id = ? "
                + "and revoked_at is null", Long.parseLong(other));
        assertThat(Api.as(second).in(C6).gql(REDEEM, Map.of("c", newer)).getString("errors[0].extensions.reason"))
                .isEqualTo("EXPIRED");
        assertThat(KeycloakAdmin.groupsOf(subjectOf(second))).isEmpty();
        assertThat(Db.count(db, "select count(*) from audit_log where action = 'resident.invitation-issued' "
                + "and target_id = ?", other)).isEqualTo(2);
    }

    @Test
    void guessingInvitationCodesIsBounded() {
        String person = newPerson(C6, "community-admin", null);
        String code = ok(Api.as("community-admin").gql(ISSUE, Map.of("p", person)))
                .getString("data.issueResidentInvitation.code");
        String guesser = newUser();
        Api wx = Api.as(guesser).in(C6);
        List<String> hostile = List.of("", "AAAA-AAAA-AAAA", "' or 1=1 --", "x".repeat(5000), "🙂🙂🙂🙂",
                "2222-2222-2222", "АБВГ-ДЕЖЗ-ИЙКЛ", code + "X", "ZZZZ", "null");
        for (String guess : hostile) {
            JsonPath refused = wx.gql(REDEEM, Map.of("c", guess));
            assertThat(codes(refused)).as(guess).containsExactly("VALIDATION_FAILED");
        }
        // the eleventh try is refused even with the right code, and changes nothing
        JsonPath blocked = wx.gql(REDEEM, Map.of("c", code));
        assertThat(codes(blocked)).containsExactly("RATE_LIMITED");
        assertThat(blocked.getString("errors[0].extensions.reason")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(KeycloakAdmin.groupsOf(subjectOf(guesser))).isEmpty();
        // another user is not held back by it
        assertThat(ok(Api.as(newUser()).in(C6).gql(REDEEM, Map.of("c", code)))
                .getString("data.redeemResidentInvitation.status")).isEqualTo("VERIFIED");
    }

    @Test
    void anotherCommunitySeesAndDecidesNothingHere() {
        String user = newUser();
        String id = ok(Api.as(user).in(C6).gql(BY_PHONE, Map.of("c", phoneCode(newPhone()))))
                .getString("data.verifyResidentByPhone.id");
        String person = newPerson(C6, "community-admin", null);
        String code = ok(Api.as("community-admin").gql(ISSUE, Map.of("p", person)))
                .getString("data.issueResidentInvitation.code");

        Api second = Api.as("second-admin").in(SECOND);
        assertThat(ok(second.gql(PENDING)).getList("data.residentVerifications.edges.node.id")).doesNotContain(id);
        assertThat(codes(second.gql(APPROVE, Map.of("id", id, "p", person)))).containsExactly("NOT_FOUND");
        assertThat(codes(second.gql(REJECT, Map.of("id", id, "r", "x")))).containsExactly("NOT_FOUND");
        assertThat(codes(second.gql(ISSUE, Map.of("p", person)))).containsExactly("NOT_FOUND");
        assertThat(codes(second.gql(UNLINK, Map.of("p", person)))).containsExactly("NOT_FOUND");
        JsonPath notMember = Api.as("second-admin").in(C6).gql(PENDING);
        assertThat(codes(notMember)).containsExactly("FORBIDDEN");
        assertThat(notMember.getString("errors[0].message")).contains("not a member");
        // a code of this community does not open a record of another
        JsonPath elsewhere = Api.as(newUser()).in(SECOND).gql(REDEEM, Map.of("c", code));
        assertThat(elsewhere.getString("errors[0].extensions.reason")).isEqualTo("UNKNOWN");
        assertThat(ok(Api.as("community-admin").gql(PENDING)).getList("data.residentVerifications.edges.node.id"))
                .contains(id);
    }

    @Test
    void aNonMemberMayCallOnlyTheVerificationOperations() {
        String user = newUser();
        Api wx = Api.as(user).in(C6);
        for (String refused : List.of(PENDING, "{ people { totalCount } }", "{ wishes { totalCount } }")) {
            JsonPath answer = wx.gql(refused);
            assertThat(codes(answer)).as(refused).containsExactly("FORBIDDEN");
        }
        assertThat(codes(wx.gql(ISSUE, Map.of("p", "1")))).containsExactly("FORBIDDEN");
        assertThat(codes(wx.gql(UNLINK, Map.of("p", "1")))).containsExactly("FORBIDDEN");
        assertThat(ok(Api.as(user).gql(MINE)).getInt("data.myResidentVerifications.totalCount")).isZero();

        // hostile or missing input
        for (String bad : List.of("", "x".repeat(600), "phone-123.x", "phone-13800000000", "../../etc/passwd")) {
            JsonPath refused = wx.gql(BY_PHONE, Map.of("c", bad));
            assertThat(codes(refused)).as(bad).containsExactly("VALIDATION_FAILED");
            assertThat(refused.getString("errors[0].extensions.fields[0].field")).as(bad).isEqualTo("phoneCode");
        }
        JsonPath noCommunity = Api.as(user).gql(BY_PHONE, Map.of("c", phoneCode(newPhone())));
        assertThat(noCommunity.getString("errors[0].extensions.fields[0].field")).isEqualTo("X-Community");
        JsonPath noSuchCommunity = Api.as(user).in("no-such-community").gql(BY_PHONE, Map.of("c", phoneCode(newPhone())));
        assertThat(codes(noSuchCommunity)).containsExactly("NOT_FOUND");
        assertThat(codes(Api.anonymous().in(C6).gql(BY_PHONE, Map.of("c", phoneCode(newPhone())))))
                .containsExactly("UNAUTHENTICATED");
        assertThat(codes(Api.anonymous().gql(MINE))).containsExactly("UNAUTHENTICATED");
        assertThat(codes(wx.gql("mutation { verifyResidentByPhone(phoneCode: 12) { id } }")))
                .containsExactly("VALIDATION_FAILED");
        assertThat(KeycloakAdmin.groupsOf(subjectOf(user))).isEmpty();
    }

    @Test
    void repeatedCallsGiveTheirConnectionsBack() {
        // more calls than the pool holds (20): a read that kept its connection would make the last ones fail
        Api wx = Api.as(newUser()).in(C6);
        for (int i = 0; i < 25; i++) {
            assertThat(codes(wx.gql(BY_PHONE, Map.of("c", "phone-1.x")))).as("call " + i)
                    .containsExactly("VALIDATION_FAILED");
            ok(wx.gql(MINE));
        }
        ok(Api.as("grid-worker").gql(PENDING));
    }

    @Test
    void oneUserIsTheResidentOfTwoCommunities() {
        String user = newUser();
        String subject = subjectOf(user);
        String phone = newPhone();
        newPerson(C6, "community-admin", phone);
        ok(Api.as(user).in(C6).gql(BY_PHONE, Map.of("c", phoneCode(phone))));
        String there = newPerson(SECOND, "second-admin", null);
        String code = ok(Api.as("second-admin").in(SECOND).gql(ISSUE, Map.of("p", there)))
                .getString("data.issueResidentInvitation.code");
        ok(Api.as(user).in(SECOND).gql(REDEEM, Map.of("c", code)));

        assertThat(KeycloakAdmin.groupsOf(subject)).containsExactlyInAnyOrder("/communities/changqing-6/resident",
                "/communities/demo-second/resident");
        assertThat(groupsInNextToken(user)).containsExactlyInAnyOrder("/communities/changqing-6/resident",
                "/communities/demo-second/resident");
        for (String community : List.of(C6, SECOND)) {
            ok(Api.as(user).in(community).gql(MEMBERS_ONLY, Map.of("c", community)));
            assertThat(communityRoles(ok(Api.as(user).in(community).gql("{ me { roles } }")).getList("data.me.roles")))
                    .containsExactly("resident");
        }
        JsonPath mine = ok(Api.as(user).gql(MINE));
        assertThat(mine.getList("data.myResidentVerifications.edges.node.community")).containsExactly(C6, SECOND);
        assertThat(mine.getInt("data.myResidentVerifications.totalCount")).isEqualTo(2);
        // staff of one community see only their own
        assertThat(ok(Api.as("second-admin").in(SECOND).gql("{ residentVerifications(first: 100) { edges { node "
                + "{ community } } } }")).getList("data.residentVerifications.edges.node.community"))
                .containsOnly(SECOND);
    }
}
