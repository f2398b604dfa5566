package org.linqin.core.security;

import org.linqin.core.graphql.ApiException;
import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The identity server could not be reached or refused a write; nothing was changed. */
@ErrorCode("UNAVAILABLE")
public class IdentityUnavailableException extends ApiException {
    public IdentityUnavailableException(Msg message) {
        super(message);
    }
}
