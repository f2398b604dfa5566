package org.linqin.server.embedded;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries on the classpath, for the embedded default (no database
 * URL configured) and for the tests. Its data directory is kept between starts, and it is run so that nothing
 * acknowledged is lost: fsync and synchronous commit on (the embedding library turns both off for speed), a
 * password required for every connection (the library's default trusts every local user), and a server left
 * running by a server process that was killed is stopped cleanly before the next start.
 */
public final class EmbeddedDatabase implements Closeable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** The embedding library's lock file in the data directory, held while a server uses it. */
    private static final String LIBRARY_LOCK = "epg-lock";
    private static final String PASSWORD_FILE = "linqin-password";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDirectory) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            String password = password(dataDirectory);
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            Path passwordForInitdb = null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // after the library's own "-F": the later setting wins
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setConnectConfig("password", password);
            if (fresh) {
                // initdb's options are passed as "--key=value"; the later --auth wins over the library's "-A trust"
                passwordForInitdb = Files.createTempFile("linqin-initdb", ".pw",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordForInitdb, password, StandardCharsets.UTF_8);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile",
                        passwordForInitdb.toString());
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                if (passwordForInitdb != null) {
                    Files.deleteIfExists(passwordForInitdb);
                }
            }
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
            keepPassword(dataDirectory, password);
            database.requirePasswords(dataDirectory);
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms)", postgres.getPort(),
                    dataDirectory.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A data directory made before passwords were required still trusts local users: give the superuser the
     * password and require it from now on.
     */
    private void requirePasswords(Path dataDirectory) throws IOException, SQLException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String rules = Files.readString(hba, StandardCharsets.UTF_8);
        if (!rules.lines().anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\s*$"))) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase(Map.of("password", password)).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role postgres password '" + password + "'");
            Files.writeString(hba, rules.replaceAll("(?m)\\btrust\\s*$", "scram-sha-256"), StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        }
        LOG.info("Embedded PostgreSQL now requires a password for every connection");
    }

    /**
     * The superuser's password, made once per data directory and kept in it (readable by this user only; written
     * after initdb, which wants an empty directory).
     */
    private static String password(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static void keepPassword(Path dataDirectory, String password) throws IOException {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            Files.writeString(file, password, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * A server process killed without stopping its PostgreSQL leaves that PostgreSQL running on the data directory,
     * and the next start would fail ("another postmaster"). If no other server holds the data directory, such a
     * leftover is stopped cleanly (SIGTERM, as pg_ctl's smart mode; its clients are gone), and a lock file of a
     * PostgreSQL that no longer runs is removed.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = new FileOutputStream(dataDirectory.resolve(LIBRARY_LOCK).toFile()).getChannel();
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Linqin server is using the embedded database in "
                        + dataDirectory + "; stop it first or set LINQIN_DATA_DIR to another folder");
            }
            Optional<ProcessHandle> leftover = postmasterOf(pidFile);
            if (leftover.isPresent()) {
                ProcessHandle postmaster = leftover.get();
                LOG.warnf("Stopping the embedded PostgreSQL (pid %d) left running on %s by a server that did not "
                        + "stop", postmaster.pid(), dataDirectory);
                postmaster.destroy();
                try {
                    postmaster.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("The PostgreSQL left running on " + dataDirectory + " (pid "
                            + postmaster.pid() + ") did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s", e);
                }
            }
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    public int port() {
        return postgres.getPort();
    }

    /** Quarkus datasource settings that point at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", password,
                "linqin.embedded", "true");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
