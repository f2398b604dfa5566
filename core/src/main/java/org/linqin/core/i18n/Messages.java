package org.linqin.core.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of every message, in English and Simplified Chinese, from the bundles
 * {@code META-INF/linqin/messages.properties} (English) and {@code META-INF/linqin/messages_zh.properties} that the
 * kernel, each module and each plugin put on the class path (UTF-8, keys starting with the owner's name, merged).
 * The language of a request comes from its {@code Accept-Language} header ({@link #fromAcceptLanguage}).
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** The language of a request that names none we have: English (see README, "Errors"). */
    public static final Locale DEFAULT = ENGLISH;

    public static final String ENGLISH_BUNDLE = "META-INF/linqin/messages.properties";
    public static final String CHINESE_BUNDLE = "META-INF/linqin/messages_zh.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

    private static volatile Bundles bundles;

    private Messages() {
    }

    private record Bundles(Map<String, String> english, Map<String, String> chinese) {
    }

    /** The message in the language, or its key when no bundle has it (a defect the bundle test catches). */
    public static String render(Msg msg, Locale locale) {
        String pattern = text(msg.key(), locale);
        if (pattern == null) {
            return msg.key();
        }
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        return placeholder.replaceAll(m -> Matcher.quoteReplacement(argument(msg, m.group(1), m.group(), locale)));
    }

    private static String argument(Msg msg, String name, String placeholder, Locale locale) {
        Object value;
        if (name.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(name);
            if (index >= msg.args().size()) {
                return placeholder;
            }
            value = msg.args().get(index);
        } else if (msg.named().containsKey(name)) {
            value = msg.named().get(name);
        } else {
            return placeholder;
        }
        if (value instanceof Msg nested) {
            return render(nested, locale);
        }
        return value instanceof Msg.Rendered rendered ? rendered.render(locale) : String.valueOf(value);
    }

    /** The text of a key in the language (English when the language is not Chinese), or null. */
    public static String text(String key, Locale locale) {
        Bundles all = bundles();
        String found = isChinese(locale) ? all.chinese().get(key) : null;
        return found != null ? found : all.english().get(key);
    }

    /** Every English key with its text: for tests and for matching library messages. */
    public static Map<String, String> english() {
        return bundles().english();
    }

    /** Every Chinese key with its text. */
    public static Map<String, String> chinese() {
        return bundles().chinese();
    }

    public static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /**
     * The language a request asks for in its {@code Accept-Language} header: the first range by weight (q) that
     * names Chinese or English; every Chinese range ({@code zh}, {@code zh-CN}, {@code zh-Hans}, {@code zh-TW},
     * {@code zh-HK}…) gets Simplified Chinese, the only Chinese there is; {@code *} and a missing or unreadable
     * header get {@link #DEFAULT}; ranges with {@code q=0} are refused languages.
     */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header.length() > 500 ? header.substring(0, 500) : header);
        } catch (IllegalArgumentException unreadable) {
            return DEFAULT;
        }
        // parse() sorts by weight (stable for equal weights) and drops q=0 ranges
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("zh") || tag.startsWith("zh-")) {
                return CHINESE;
            }
            if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                return tag.equals("*") ? DEFAULT : ENGLISH;
            }
        }
        return DEFAULT;
    }

    private static Bundles bundles() {
        Bundles loaded = bundles;
        if (loaded == null) {
            synchronized (Messages.class) {
                loaded = bundles;
                if (loaded == null) {
                    loaded = new Bundles(load(ENGLISH_BUNDLE), load(CHINESE_BUNDLE));
                    bundles = loaded;
                }
            }
        }
        return loaded;
    }

    /** Every bundle of the name on the class path, merged; a key defined twice is a defect and fails loudly. */
    public static Map<String, String> load(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Messages.class.getClassLoader();
        }
        Map<String, String> merged = new HashMap<>();
        Map<String, URL> origin = new HashMap<>();
        try {
            Enumeration<URL> found = loader.getResources(name);
            for (URL url : Collections.list(found)) {
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String key : properties.stringPropertyNames()) {
                    URL before = origin.putIfAbsent(key, url);
                    if (before != null && !before.equals(url)) {
                        throw new IllegalStateException("Message key " + key + " is defined in " + before + " and " + url);
                    }
                    merged.put(key, properties.getProperty(key));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(merged);
    }
}
