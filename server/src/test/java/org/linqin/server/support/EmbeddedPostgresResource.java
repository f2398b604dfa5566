package org.linqin.server.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.linqin.server.embedded.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL for the tests, started as the embedded default starts it, on a fresh data directory. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("linqin-test-pg"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return database.datasourceConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
