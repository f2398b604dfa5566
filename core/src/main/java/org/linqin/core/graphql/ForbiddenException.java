package org.linqin.core.graphql;

import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The caller is known but a rule of the service does not let them do this. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {
    public ForbiddenException(Msg message) {
        super(message);
    }
}
