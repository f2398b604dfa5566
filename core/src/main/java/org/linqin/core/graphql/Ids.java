package org.linqin.core.graphql;

import java.util.ArrayList;
import java.util.List;

import org.linqin.core.i18n.Msg;

/**
 * Lists of ids as arguments. SmallRye GraphQL 2.17 cannot read {@code @Id} on a list argument (it treats the whole
 * list as one scalar and refuses every non-empty list), so list arguments of ids are declared {@code List<String>}
 * ({@code [String]}) and read here.
 */
public final class Ids {

    private static final int MAX_DIGITS = 18;

    private Ids() {
    }

    /** The ids as numbers; {@code VALIDATION_FAILED} naming {@code argument} for one that is not. Null stays null. */
    public static List<Long> parse(String argument, List<String> ids) {
        if (ids == null) {
            return null;
        }
        List<Long> parsed = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id == null || id.isEmpty() || id.length() > MAX_DIGITS || !id.chars().allMatch(Character::isDigit)) {
                throw ValidationFailedException.of(argument, Msg.of("core.ids.mustHoldIdsMade"));
            }
            parsed.add(Long.parseLong(id));
        }
        return parsed;
    }
}
