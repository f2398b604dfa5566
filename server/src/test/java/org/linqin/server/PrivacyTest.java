package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class PrivacyTest {

    static final String PEOPLE = "{ people(first: 100) { edges { node { id name phone fullRecord } } } }";

    @Inject
    AgroalDataSource db;

    @Test
    void phonesAreMaskedForStaffWhoDoNotNeedThem() {
        long auditBefore = fullReads("property-staff");
        JsonPath people = ok(Api.as("property-staff").gql(PEOPLE));
        String residentPhone = people.getString("data.people.edges.find { it.node.name == '郑居民' }.node.phone");
        assertThat(residentPhone).isEqualTo("138****5678");
        assertThat(people.getList("data.people.edges.findAll { it.node.name != '陈物业' }.node.fullRecord",
                Boolean.class)).isNotEmpty().containsOnly(false);
        assertThat(fullReads("property-staff")).isEqualTo(auditBefore);
    }

    @Test
    void gridWorkersSeePhonesInFullAndEveryFullReadIsAudited() {
        long auditBefore = fullReads("grid-worker");
        JsonPath people = ok(Api.as("grid-worker").gql(PEOPLE));
        List<String> phones = people.getList("data.people.edges.node.phone");
        assertThat(phones).contains("13812345678");
        long shownOthers = phones.size() - 1; // their own record is not a staff read
        assertThat(fullReads("grid-worker")).isEqualTo(auditBefore + shownOthers);
    }

    @Test
    void residentsSeeTheirOwnRecordOnly() {
        Api resident = Api.as("resident");
        assertThat(codes(resident.gql(PEOPLE))).containsExactly("FORBIDDEN");
        JsonPath me = ok(resident.gql("{ me { person { id phone fullRecord } } }"));
        assertThat(me.getString("data.me.person.phone")).isEqualTo("13812345678");
        String ownId = me.getString("data.me.person.id");
        assertThat(ok(resident.gql("query($id: ID!) { person(id: $id) { name } }", Map.of("id", ownId)))
                .getString("data.person.name")).isEqualTo("郑居民");

        String otherId = ok(Api.as("community-admin").gql(PEOPLE))
                .getString("data.people.edges.find { it.node.name == '王委员' }.node.id");
        assertThat(codes(resident.gql("query($id: ID!) { person(id: $id) { name } }", Map.of("id", otherId))))
                .containsExactly("FORBIDDEN");
    }

    private long fullReads(String username) {
        return Db.count(db, "select count(*) from audit_log where action = 'person.read-full' and actor like ?",
                username + " (%");
    }
}
