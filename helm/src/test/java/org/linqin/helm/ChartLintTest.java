package org.linqin.helm;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** helm lint --strict: warnings count as failures. */
class ChartLintTest {

    static List<Path> valueSets() {
        return LinqinChart.valueSets();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void lintsCleanWithEveryValueSet(Path values) {
        LintResult result = LinqinChart.lint(values);
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).allSatisfy(message -> assertThat(message).startsWith("[INFO]"));
    }

    @Test
    void asShippedLintNamesTheMissingSettings() {
        // values.yaml has no Keycloak and no database on purpose: an install must name them.
        LintResult result = LinqinChart.lintAsShipped();
        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages()))
                .contains("'/keycloak/url'")
                .contains("'/database/url'");
    }
}
