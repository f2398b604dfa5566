package org.linqin.core.graphql;

import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The caller tried something too often (e.g. guessing codes); the message says when they may try again. */
@ErrorCode("RATE_LIMITED")
public class RateLimitedException extends ApiException {
    public RateLimitedException(Msg message) {
        super(message);
    }
}
