package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.ok;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A client that gives up a request has its SQL cancelled: a rename waiting for a row lock is no longer waiting
 * once the client has closed its connection, although the lock is still held, and nothing was written.
 */
@QuarkusTest
class CancelledRequestTest {

    @Inject
    AgroalDataSource db;

    /**
     * Over HTTP/2 (h2c, the default of the JDK's client) the end of a stream whose response was sent whole may be
     * reported as a failure; nothing may be cancelled then, or the cancel hits the connection's next user.
     */
    @Test
    void answeredHttp2RequestsCancelNothing() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        String token = Api.token("community-admin");
        String body = "{\"query\":\"{ orgUnits(first: 100) { totalCount edges { node { id name children { id } } } } "
                + "community { compounds { edges { node { buildings { id } } } } } }\"}";
        List<String> failures = new java.util.ArrayList<>();
        java.util.Set<String> versions = new java.util.TreeSet<>();
        for (int i = 0; i < 60; i++) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + RestAssured.port + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            versions.add(response.version().toString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                failures.add(response.version() + " " + response.statusCode() + " " + response.body());
            }
        }
        assertThat(versions).as("the client upgraded to HTTP/2").contains("HTTP_2");
        assertThat(failures).as("answers with errors").isEmpty();
    }

    @Test
    void theSqlOfAnAbandonedRequestIsCancelled() throws Exception {
        Api admin = Api.as("community-admin");
        var unit = ok(admin.gql("{ orgUnits(first: 1) { edges { node { id name } } } }"));
        long id = Long.parseLong(unit.getString("data.orgUnits.edges[0].node.id"));
        String name = unit.getString("data.orgUnits.edges[0].node.name");

        try (Connection locker = db.getConnection()) {
            locker.setAutoCommit(false);
            try (PreparedStatement lock = locker.prepareStatement("select id from org_units where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            String body = "{\"query\":\"mutation { renameOrgUnit(id: " + id + ", name: \\\"放弃的改名\\\") { id } }\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try (Socket client = new Socket("localhost", RestAssured.port)) {
                OutputStream out = client.getOutputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + Api.token("community-admin") + "\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                assertThat(waitFor(true, 10)).as("the rename waits for the lock").isTrue();
            } // the client gives up
            assertThat(waitFor(false, 10)).as("the waiting rename was cancelled").isTrue();
            locker.rollback();
        }
        assertThat(ok(admin.gql("{ orgUnit(id: " + id + ") { name } }")).getString("data.orgUnit.name")).isEqualTo(name);
    }

    /** Waits until some statement on org_units is (or is no longer) waiting for a lock. */
    private boolean waitFor(boolean waiting, int seconds) throws SQLException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where "
                            + "wait_event_type = 'Lock' and query ilike '%org_units%' and pid <> pg_backend_pid()");
                    ResultSet rows = s.executeQuery()) {
                rows.next();
                if ((rows.getLong(1) > 0) == waiting) {
                    return true;
                }
            }
            Thread.sleep(100);
        }
        return false;
    }
}
