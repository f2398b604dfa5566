package org.linqin.core.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;

/**
 * graphql-java's own messages (parsing, validation, scalars) in the request's language. graphql-java words them from
 * its bundles {@code i18n/<Bundle>.properties}, in English as it has no Chinese; each of its message patterns is
 * matched here against the English text to recover the arguments, which are put into the kernel's bundles under
 * {@code graphql.<Bundle>.<key>} (in both languages and without graphql-java's classification such as
 * {@code (FieldUndefined@[me])}). The kernel's own input messages ({@code core.scalar.*}) and graphql-java's words
 * outside its bundles ({@code core.library.*}, e.g. the depth limit) are matched the same way. A text no pattern matches keeps its words, less a leading
 * classification.
 */
public final class LibraryMessages {

    /** graphql-java's bundles whose messages reach clients. */
    public static final List<String> BUNDLES = List.of("Parsing", "Validation", "Scalars", "Execution");

    private static final Pattern CLASSIFICATION = Pattern.compile("(?s)^\\s*Validation [eE]rror \\([^)]*\\) ?: ?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

    private record Template(String key, Pattern pattern, List<Integer> indexes, int literalLength) {
    }

    private static volatile List<Template> templates;

    private LibraryMessages() {
    }

    /** The text in the language, or the text without its classification when no pattern knows it. */
    public static String translate(String english, Locale locale) {
        if (english == null) {
            return Messages.render(Msg.of("core.input.invalid"), locale);
        }
        return match(english).map(msg -> Messages.render(msg, locale))
                .orElseGet(() -> CLASSIFICATION.matcher(english).replaceFirst(""));
    }

    /** The message of the bundles the English text was made from. */
    public static Optional<Msg> match(String english) {
        String text = english.strip();
        for (Template template : templates()) {
            Matcher m = template.pattern().matcher(text);
            if (m.matches()) {
                int size = template.indexes().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                Object[] args = new Object[size];
                for (int i = 0; i < template.indexes().size(); i++) {
                    args[template.indexes().get(i)] = m.group(i + 1);
                }
                return Optional.of(Msg.of(template.key(), args));
            }
        }
        return Optional.empty();
    }

    /** graphql-java's English patterns of a bundle, by key. */
    public static Map<String, String> library(String bundle) {
        Properties properties = new Properties();
        try (InputStream in = graphql.GraphQL.class.getClassLoader().getResourceAsStream("i18n/" + bundle + ".properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> patterns = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(k -> patterns.put(k, properties.getProperty(k).replace("''", "'")));
        return patterns;
    }

    private static List<Template> templates() {
        List<Template> found = templates;
        if (found == null) {
            found = new ArrayList<>();
            for (String bundle : BUNDLES) {
                for (Map.Entry<String, String> e : library(bundle).entrySet()) {
                    found.add(template("graphql." + bundle + "." + e.getKey(), e.getValue()));
                }
            }
            for (Map.Entry<String, String> e : Messages.english().entrySet()) {
                if (e.getKey().startsWith("core.scalar.") || e.getKey().startsWith("core.library.")) {
                    found.add(template(e.getKey(), e.getValue()));
                }
            }
            // the most specific pattern first ("… is not a valid 'T' - reason" before "… is not a valid 'T'")
            found.sort(Comparator.comparingInt(Template::literalLength).reversed());
            templates = List.copyOf(found);
        }
        return found;
    }

    private static Template template(String key, String text) {
        StringBuilder regex = new StringBuilder("(?s)");
        List<Integer> indexes = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text.strip());
        int last = 0;
        int literal = 0;
        String stripped = text.strip();
        while (m.find()) {
            regex.append(Pattern.quote(stripped.substring(last, m.start()))).append("(.*?)");
            literal += m.start() - last;
            indexes.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(stripped.substring(last)));
        literal += stripped.length() - last;
        return new Template(key, Pattern.compile(regex.toString()), indexes, literal);
    }
}
