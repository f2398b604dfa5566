package org.linqin.core.graphql;

/**
 * Base of every error the API reports on purpose. Each subclass carries a stable code (see
 * {@code @ErrorCode}) that clients read from {@code extensions.code}; the message is for humans.
 */
public abstract class ApiException extends RuntimeException {
    protected ApiException(String message) {
        super(message, null, false, false);
    }
}
