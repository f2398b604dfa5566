package org.linqin.core.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message as a key of the message bundles and its arguments, turned into words only when the error reaches the
 * client, in the language the client asked for (see {@link Messages}). {@code {0}}, {@code {1}}… in the bundle's text
 * stand for the positional arguments, {@code {name}} for a named one; an argument that is itself a {@code Msg} is
 * rendered in the same language (e.g. the name of a thing in "… was not found").
 */
public record Msg(String key, List<Object> args, Map<String, Object> named) {

    public Msg {
        Objects.requireNonNull(key, "key");
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        named = named == null ? Map.of() : Map.copyOf(named);
    }

    /** The message {@code key} with positional arguments ({@code null} arguments are written as "null"). */
    public static Msg of(String key, Object... args) {
        return new Msg(key, args == null ? List.of() : Arrays.asList(args), Map.of());
    }

    /** The message {@code key} with named arguments, e.g. a constraint's {@code min} and {@code max}. */
    public static Msg named(String key, Map<String, Object> named) {
        return new Msg(key, List.of(), named);
    }

    /** An argument that puts itself into words in the message's language (e.g. a list of field errors). */
    public interface Rendered {
        String render(java.util.Locale locale);
    }

    /** In English, for logs and tests. */
    @Override
    public String toString() {
        return Messages.render(this, Messages.ENGLISH);
    }
}
