package org.linqin.core.graphql;

import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The request clashes with the current state (a duplicate, a stale version, a dependency). */
@ErrorCode("CONFLICT")
public class ConflictException extends ApiException {
    public ConflictException(Msg message) {
        super(message);
    }
}
