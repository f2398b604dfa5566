package org.linqin.core.graphql;

import java.util.Locale;

import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;

/**
 * Base of every error the API reports on purpose. Each subclass carries a stable code (see
 * {@code @ErrorCode}) that clients read from {@code extensions.code}; the message is for humans, a key of the message
 * bundles put into words in the client's language when the error is shaped (see {@link Messages}).
 */
public abstract class ApiException extends RuntimeException {

    private final Msg msg;
    private String reason;

    protected ApiException(Msg msg) {
        super(msg.key(), null, false, false);
        this.msg = msg;
    }

    /** The message, to be put into words. */
    public Msg msg() {
        return msg;
    }

    /** The message in the language. */
    public String message(Locale locale) {
        return Messages.render(msg, locale);
    }

    /** In English, for logs. */
    @Override
    public String getMessage() {
        return message(Messages.ENGLISH);
    }

    /**
     * A stable sub-code saying which rule refused the request (e.g. {@code FULL}), as {@code extensions.reason}:
     * clients branch on it without parsing messages.
     */
    @SuppressWarnings("unchecked")
    public <T extends ApiException> T withReason(String reason) {
        this.reason = reason;
        return (T) this;
    }

    /** The sub-code, or null. */
    public String reason() {
        return reason;
    }
}
