package org.linqin.core.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** The request clashes with the current state (a duplicate, a stale version, a dependency). */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {
    public ConflictException(String message) {
        super(message);
    }
}
