package org.linqin.core.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.linqin.core.i18n.Msg;

/**
 * A validated page request: at most {@link #MAX_PAGE_SIZE} items after an opaque cursor. Cursors encode the
 * id of the last item seen, so pages stay stable while rows are added.
 */
public record PageRequest(int first, long afterId) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final String CURSOR_PREFIX = "id:";

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ValidationFailedException.of("first", Msg.of("core.pageRequest.mustBetweenWas", MAX_PAGE_SIZE, size));
        }
        return new PageRequest(size, after == null || after.isEmpty() ? 0 : decode(after));
    }

    public static String cursorOf(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(CURSOR_PREFIX)) {
                return Long.parseLong(raw.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error below
        }
        throw ValidationFailedException.of("after", Msg.of("core.pageRequest.notCursorListGave"));
    }
}
