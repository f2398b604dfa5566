package org.linqin.core.graphql;

import org.linqin.core.i18n.Msg;

import io.smallrye.graphql.api.ErrorCode;

/** The operation belongs to a module that is not enabled in the addressed community. */
@ErrorCode("MODULE_DISABLED")
public class ModuleDisabledException extends ApiException {
    public ModuleDisabledException(String moduleId, String communityCode) {
        super(Msg.of("core.module.disabled", moduleId, communityCode));
    }
}
