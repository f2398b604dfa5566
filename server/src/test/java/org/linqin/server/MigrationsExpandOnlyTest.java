package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule of rolling updates (README, "Migrations with several replicas"): while a new release migrates, the old one
 * keeps serving on the new schema, so migrations only expand. A statement that would break the previous release —
 * dropping or renaming what it uses, changing a column's type, making a column required that it may leave empty — is
 * allowed only in a migration that says it is the contract step of an earlier expansion, with a first line
 * {@code -- contract: <what and since which release>}.
 */
class MigrationsExpandOnlyTest {

    private static final List<Pattern> CONTRACTING = Stream.of(
            "\\bdrop\\s+(table|column|view|type)\\b",
            "\\brename\\b",
            "\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b",
            "\\balter\\s+column\\s+\\S+\\s+set\\s+not\\s+null\\b",
            "\\badd\\s+column\\s+(if\\s+not\\s+exists\\s+)?(?:(?!\\bdefault\\b)[^,;])*\\bnot\\s+null\\b(?:(?!\\bdefault\\b)[^,;])*$")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    @Test
    void everyMigrationOnlyExpandsOrSaysItContracts() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> migrations;
        try (Stream<Path> files = Files.walk(root)) {
            migrations = files.filter(p -> p.toString().replace('\\', '/').matches(".*/src/main/resources/db/.*\\.sql"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("node_modules"))
                    .toList();
        }
        assertThat(migrations).as("migrations of the kernel and the modules").hasSizeGreaterThan(10);
        List<String> breaking = new ArrayList<>();
        for (Path migration : migrations) {
            String sql = Files.readString(migration);
            if (!sql.startsWith("-- contract:")) {
                contracting(sql).forEach(statement -> breaking.add(root.relativize(migration) + ": " + statement));
            }
        }
        assertThat(breaking).as("statements that break the previous release during a rolling update").isEmpty();
    }

    @Test
    void theRuleCatchesWhatBreaksTheOldReleaseAndLetsExpansionsPass() {
        assertThat(contracting("alter table people drop column phone;")).hasSize(1);
        assertThat(contracting("ALTER TABLE people RENAME COLUMN phone TO mobile;")).hasSize(1);
        assertThat(contracting("alter table people alter column phone type varchar(40);")).hasSize(1);
        assertThat(contracting("alter table people alter column phone set not null;")).hasSize(1);
        assertThat(contracting("alter table people add column level integer not null;")).hasSize(1);
        assertThat(contracting("drop table old_things;")).hasSize(1);

        assertThat(contracting("alter table people add column level integer not null default 1;")).isEmpty();
        assertThat(contracting("alter table people add column team_id bigint;")).isEmpty();
        assertThat(contracting("alter table people alter column unit_id drop not null;")).isEmpty();
        assertThat(contracting("create table things (id bigint primary key, name varchar(20) not null);")).isEmpty();
        assertThat(contracting("-- we never drop table people here\ncreate index people_idx on people (name);"))
                .isEmpty();
    }

    /** The statements of a migration that would break the release before it. */
    static List<String> contracting(String sql) {
        String code = sql.replaceAll("--[^\n]*", " ");
        List<String> found = new ArrayList<>();
        for (String statement : code.split(";")) {
            String flat = statement.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
            if (!flat.isEmpty() && CONTRACTING.stream().anyMatch(p -> p.matcher(flat).find())) {
                found.add(flat);
            }
        }
        return found;
    }
}
