package org.linqin.core.graphql;

import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The addressed thing does not exist in the addressed community (or the caller may not know it exists). */
@ErrorCode("NOT_FOUND")
public class NotFoundException extends ApiException {
    /** @param thing the thing's name, e.g. {@code
            Msg.of("core.thing.building")}; the message is "Building '42' was not found" */
    public NotFoundException(Msg thing, Object id) {
        super(Msg.of("core.notFound", thing, id));
    }
}
