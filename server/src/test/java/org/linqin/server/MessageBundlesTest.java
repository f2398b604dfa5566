package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.LibraryMessages;
import org.linqin.core.i18n.Messages;

/**
 * The message bundles are complete: every bundle on the class path (kernel, modules, plugins) has a Chinese twin with
 * the same keys and the same placeholders, every key the code names exists in both languages, graphql-java's messages
 * all have their Chinese, and no Bean Validation constraint carries English text instead of a key.
 */
class MessageBundlesTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("Msg\\.(?:of|named)\\(\\s*\"([^\"]+)\"");
    private static final Pattern CONSTRAINT_MESSAGE = Pattern.compile("message = (\"[^\"]*\"|[A-Z_]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\w+\\}");
    /** Protocol words that clients match by their text (Apollo's automatic persisted queries). */
    private static final Set<String> SAME_IN_BOTH = Set.of("core.persisted.notFound", "core.persisted.notSupported");

    @Test
    void everyBundleHasAChineseTwinWithTheSameKeysAndPlaceholders() throws IOException {
        List<URL> english = Collections.list(getClass().getClassLoader().getResources(Messages.ENGLISH_BUNDLE));
        assertThat(english).as("bundles of the kernel, five modules, two plugins and the server").hasSizeGreaterThanOrEqualTo(9);
        for (URL url : english) {
            Properties en = load(url);
            Properties zh = load(new URL(url.toString().replace("messages.properties", "messages_zh.properties")));
            assertThat(zh.stringPropertyNames()).as("keys of the Chinese twin of " + url)
                    .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(zh.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
                if (!SAME_IN_BOTH.contains(key)) {
                    assertThat(zh.getProperty(key)).as(key + " in Chinese").isNotBlank().isNotEqualTo(en.getProperty(key));
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
        Set<String> named = new TreeSet<>();
        List<String> englishConstraints = new ArrayList<>();
        for (Path source : sources()) {
            String text = Files.readString(source);
            if (source.toString().contains("/core/i18n/")) {
                continue;
            }
            Matcher key = KEY_IN_CODE.matcher(text);
            while (key.find()) {
                named.add(key.group(1));
            }
            Matcher constraint = CONSTRAINT_MESSAGE.matcher(text);
            while (constraint.find()) {
                String value = constraint.group(1);
                if (value.startsWith("\"") && !value.matches("\"\\{[a-z][\\w.]*\\}\"")) {
                    englishConstraints.add(source.getFileName() + ": " + value);
                } else if (value.startsWith("\"")) {
                    named.add(value.substring(2, value.length() - 2));
                }
            }
        }
        // the kernel's input scalars name their keys in parts (StrictScalars)
        named.removeIf(k -> k.endsWith("."));
        for (String kind : List.of("int", "long", "string", "id", "nul", "date", "dateTime", "time", "date.years",
                "dateTime.years", "time.years")) {
            named.add("core.scalar." + kind);
        }
        assertThat(named).hasSizeGreaterThan(400);
        assertThat(englishConstraints).as("constraints whose message is English text, not a {key}").isEmpty();
        assertThat(named).as("keys missing in English").allMatch(Messages.english()::containsKey);
        assertThat(named).as("keys missing in Chinese").allMatch(Messages.chinese()::containsKey);
    }

    @Test
    void everyMessageOfGraphqlJavaHasItsWordsInBothLanguages() {
        for (String bundle : LibraryMessages.BUNDLES) {
            Map<String, String> library = LibraryMessages.library(bundle);
            assertThat(library).as(bundle).isNotEmpty();
            for (String key : library.keySet()) {
                assertThat(Messages.english()).as(bundle + " " + key).containsKey("graphql." + bundle + "." + key);
                assertThat(Messages.chinese()).as(bundle + " " + key).containsKey("graphql." + bundle + "." + key);
            }
        }
    }

    @Test
    void acceptLanguagePicksTheLanguageByWeight() {
        assertThat(Messages.fromAcceptLanguage(null)).isEqualTo(Messages.DEFAULT).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("zh-CN")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("zh-Hans-CN,zh;q=0.9")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("zh-TW")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("en-US,en;q=0.9,zh-CN;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("en;q=0.5, zh-CN;q=0.9")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("fr-FR, de;q=0.9, zh;q=0.3")).isEqualTo(Messages.CHINESE);
        assertThat(Messages.fromAcceptLanguage("fr-FR")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("zh;q=0, en;q=0.1")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("*")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.fromAcceptLanguage("not a; header;;q=x")).isEqualTo(Locale.ENGLISH);
    }

    private static List<Path> sources() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> dirs = new ArrayList<>(List.of(root.resolve("core/src/main/java"), root.resolve("server/src/main/java")));
        for (String group : List.of("modules", "plugins")) {
            try (Stream<Path> children = Files.list(root.resolve(group))) {
                children.map(p -> p.resolve("src/main/java")).filter(Files::isDirectory).forEach(dirs::add);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Properties load(URL url) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
