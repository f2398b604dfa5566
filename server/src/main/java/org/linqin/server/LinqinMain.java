package org.linqin.server;

import java.nio.file.Path;

import org.linqin.server.embedded.EmbeddedDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the server. When no database URL is configured (neither {@code QUARKUS_DATASOURCE_JDBC_URL} nor
 * {@code -Dquarkus.datasource.jdbc.url}), it first starts an embedded PostgreSQL whose data lives in
 * {@code LINQIN_DATA_DIR} (default {@code linqin-data/postgres}) and marks the run as embedded, which seeds the
 * demo communities once.
 */
@QuarkusMain
public class LinqinMain {

    public static void main(String... args) {
        if (databaseUrlConfigured()) {
            Quarkus.run(args);
            return;
        }
        String dataDir = setting("linqin.data-dir", "LINQIN_DATA_DIR", "linqin-data/postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataDir));
        database.datasourceConfig().forEach(System::setProperty);
        Quarkus.run(args);
    }

    private static boolean databaseUrlConfigured() {
        String url = setting("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL", null);
        return url != null && !url.isBlank();
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(environment);
        }
        return value == null ? fallback : value;
    }
}
