package org.linqin.core.graphql.persisted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.agroal.api.AgroalDataSource;
import io.vertx.core.json.JsonObject;

/**
 * GraphQL documents known by the SHA-256 of their text: those of the trusted documents manifest (read at start) and
 * those clients registered with automatic persisted queries, kept in PostgreSQL (shared by replicas, kept across
 * restarts) with an in-memory cache in front. Registration is bounded: a caller may register
 * {@code linqin.graphql.persisted-queries.max-per-caller} documents, and beyond
 * {@code linqin.graphql.persisted-queries.max-documents} those used least recently are deleted. The methods that
 * reach the database block: call them on a worker thread.
 */
@ApplicationScoped
public class PersistedDocuments {

    private static final Logger LOG = Logger.getLogger(PersistedDocuments.class);
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    @Inject
    AgroalDataSource dataSource;

    /** The trusted documents manifest: a JSON object of SHA-256 (hex) to document; a file, or {@code classpath:...}. */
    @ConfigProperty(name = "linqin.graphql.trusted-documents.manifest")
    Optional<String> manifestLocation;

    /** Refuse every document that is not in the manifest (and any APQ registration). */
    @ConfigProperty(name = "linqin.graphql.trusted-documents.only", defaultValue = "false")
    boolean trustedOnly;

    @ConfigProperty(name = "linqin.graphql.persisted-queries.enabled", defaultValue = "true")
    boolean registrationEnabled;

    @ConfigProperty(name = "linqin.graphql.persisted-queries.max-per-caller", defaultValue = "500")
    int maxPerCaller;

    @ConfigProperty(name = "linqin.graphql.persisted-queries.max-documents", defaultValue = "20000")
    int maxDocuments;

    private Map<String, String> manifest = Map.of();

    /**
     * Documents recently found in the database, weighed by their length (about 16 MB of text at most). Entries expire
     * after an hour so that a document in use is read (and its last use written) again at least hourly.
     */
    private final Cache<String, String> cache = Caffeine.newBuilder().maximumWeight(8_000_000)
            .weigher((String hash, String document) -> document.length()).expireAfterWrite(Duration.ofHours(1)).build();

    @PostConstruct
    void loadManifest() {
        if (trustedOnly && manifestLocation.isEmpty()) {
            throw new IllegalStateException("linqin.graphql.trusted-documents.only=true needs "
                    + "linqin.graphql.trusted-documents.manifest (a JSON object of SHA-256 to document)");
        }
        manifestLocation.ifPresent(location -> manifest = readManifest(location));
    }

    static Map<String, String> readManifest(String location) {
        String text;
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/+", "");
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Trusted documents manifest not found on the classpath: " + resource);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = Files.readString(Path.of(location), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trusted documents manifest " + location, e);
        }
        Map<String, String> documents = new HashMap<>();
        new JsonObject(text).forEach(entry -> {
            if (!(entry.getValue() instanceof String document) || !sha256(document).equals(entry.getKey())) {
                throw new IllegalStateException("Trusted documents manifest " + location + ": the entry "
                        + entry.getKey() + " is not the SHA-256 (hex) of its document");
            }
            documents.put(entry.getKey(), document);
        });
        LOG.infof("Trusted documents: %d from %s", documents.size(), location);
        return Map.copyOf(documents);
    }

    public boolean trustedOnly() {
        return trustedOnly;
    }

    public boolean registrationEnabled() {
        return registrationEnabled && !trustedOnly;
    }

    /** Whether the document with this hash is in the trusted documents manifest. */
    public boolean trusted(String hash) {
        return manifest.containsKey(hash);
    }

    /** Found without the database: a manifest document, or one in the cache. */
    public Optional<String> known(String hash) {
        String document = manifest.get(hash);
        if (document == null && !trustedOnly) {
            document = cache.getIfPresent(hash);
        }
        return Optional.ofNullable(document);
    }

    /** The document with this hash: from the manifest, else (unless trusted documents only) the database. Blocks. */
    public Optional<String> find(String hash) {
        Optional<String> known = known(hash);
        if (known.isPresent() || trustedOnly) {
            return known;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement touch = connection.prepareStatement("update persisted_operations "
                        + "set last_used_at = now() where hash = ? returning document")) {
            touch.setString(1, hash);
            try (ResultSet row = touch.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String document = row.getString(1);
                cache.put(hash, document);
                return Optional.of(document);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read persisted operations", e);
        }
    }

    /**
     * Registers a document (its hash already checked) for {@code caller}; false when the caller has registered as
     * many as allowed. Beyond the total limit, the documents used least recently are deleted. Blocks.
     */
    public boolean register(String hash, String document, String caller) {
        if (known(hash).isPresent()) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from persisted_operations where registered_by = ?")) {
                count.setString(1, caller);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= maxPerCaller) {
                        LOG.debugf("%s has registered %d persisted operations: no more", caller, maxPerCaller);
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into persisted_operations "
                    + "(hash, document, registered_by) values (?, ?, ?) on conflict (hash) do nothing")) {
                insert.setString(1, hash);
                insert.setString(2, document);
                insert.setString(3, caller);
                insert.executeUpdate();
            }
            try (PreparedStatement evict = connection.prepareStatement("delete from persisted_operations where hash in "
                    + "(select hash from persisted_operations order by last_used_at desc offset ?)")) {
                evict.setInt(1, maxDocuments);
                evict.executeUpdate();
            }
            cache.put(hash, document);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot register a persisted operation", e);
        }
    }

    /** The SHA-256 of the text (UTF-8), lower-case hex, as clients compute it. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
