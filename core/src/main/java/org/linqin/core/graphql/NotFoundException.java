package org.linqin.core.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** The addressed thing does not exist in the addressed community (or the caller may not know it exists). */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {
    public NotFoundException(String what, Object id) {
        super(what + " '" + id + "' was not found");
    }
}
