package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.UnreachableIdentityServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * When Keycloak cannot be written to, appointments, resident verifications and new communities fail clearly
 * and nothing is half-written.
 */
@QuarkusTest
@TestProfile(UnreachableIdentityServer.class)
class IdentityUnavailableTest {

    @Inject
    AgroalDataSource db;

    @Test
    void anAppointmentFailsAndLeavesNoTrace() {
        String personId = ok(Api.as("resident").gql("{ me { person { id } } }")).getString("data.me.person.id");
        long audits = Db.count(db, "select count(*) from audit_log");
        JsonPath refused = Api.as("community-admin").gql(IdentityTest.ASSIGN, Map.of("p", personId, "r", "VOLUNTEER"));
        assertThat(codes(refused)).containsExactly("UNAVAILABLE");
        assertThat(refused.getString("errors[0].message")).contains("could not be reached");
        assertThat(Db.count(db, "select count(*) from audit_log")).isEqualTo(audits);
    }

    @Test
    void aResidentVerificationFailsAndLeavesNoTrace() {
        String user = ResidentVerificationTest.newUser();
        String phone = ResidentVerificationTest.newPhone();
        String person = ResidentVerificationTest.newPerson("changqing-6", "community-admin", phone);
        long audits = Db.count(db, "select count(*) from audit_log");
        JsonPath refused = Api.as(user).in("changqing-6").gql(ResidentVerificationTest.BY_PHONE,
                Map.of("c", ResidentVerificationTest.phoneCode(phone)));
        assertThat(codes(refused)).containsExactly("UNAVAILABLE");
        assertThat(Db.count(db, "select count(*) from people where id = ? and subject is null", Long.parseLong(person)))
                .isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from resident_verifications where person_id = ?",
                Long.parseLong(person))).isZero();
        assertThat(Db.count(db, "select count(*) from audit_log")).isEqualTo(audits);
    }

    @Test
    void aNewCommunityIsNotCreatedWithoutItsGroups() {
        JsonPath refused = Api.as("admin").gql("mutation { createCommunity(input: {code: \"never-born\", "
                + "name: \"未建成\"}) { code } }");
        assertThat(codes(refused)).containsExactly("UNAVAILABLE");
        assertThat(Db.count(db, "select count(*) from communities where code = 'never-born'")).isZero();
        assertThat(Db.count(db, "select count(*) from audit_log where community_code = 'never-born'")).isZero();
    }
}
