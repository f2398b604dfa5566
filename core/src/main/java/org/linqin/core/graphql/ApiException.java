package org.linqin.core.graphql;

/**
 * Base of every error the API reports on purpose. Each subclass carries a stable code (see
 * {@code @ErrorCode}) that clients read from {@code extensions.code}; the message is for humans.
 */
public abstract class ApiException extends RuntimeException {

    private String reason;

    protected ApiException(String message) {
        super(message, null, false, false);
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
