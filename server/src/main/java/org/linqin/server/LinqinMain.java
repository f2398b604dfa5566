package org.linqin.server;

import java.nio.file.Path;
import java.util.List;

import org.linqin.server.embedded.EmbeddedDatabase;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the server. When no database URL is configured (neither {@code QUARKUS_DATASOURCE_JDBC_URL} nor
 * {@code -Dquarkus.datasource.jdbc.url}), it first starts an embedded PostgreSQL whose data lives in
 * {@code LINQIN_DATA_DIR} (default {@code linqin-data/postgres}) and marks the run as embedded, which seeds the
 * demo communities once. That happens only in the embedded profile: the production profile (the jar's default)
 * refuses to start without a database URL.
 */
@QuarkusMain
public class LinqinMain {

    public static void main(String... args) {
        if (databaseUrlConfigured()) {
            Quarkus.run(args);
            return;
        }
        if (!embeddedAllowed()) {
            System.err.println("Linqin: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (with "
                    + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD) to the PostgreSQL to use. The "
                    + "embedded PostgreSQL with demo communities runs only in the embedded profile "
                    + "(-Dquarkus.profile=embedded) or when asked for with LINQIN_EMBEDDED_DATABASE=true.");
            System.exit(2);
        }
        String dataDir = setting("linqin.data-dir", "LINQIN_DATA_DIR", "linqin-data/postgres");
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataDir));
        database.datasourceConfig().forEach(System::setProperty);
        Quarkus.run(args);
    }

    /**
     * The embedded database (and its demo communities) is for the embedded profile and the tests; the production
     * profile, the default of the packaged jar, must be pointed at a database.
     */
    private static boolean embeddedAllowed() {
        if (Boolean.parseBoolean(setting("linqin.embedded-database", "LINQIN_EMBEDDED_DATABASE", "false"))) {
            return true;
        }
        String profile = setting("quarkus.profile", "QUARKUS_PROFILE", "prod");
        return List.of(profile.split(",")).stream().map(String::trim)
                .anyMatch(p -> p.equals("embedded") || p.equals("dev") || p.equals("test"));
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
