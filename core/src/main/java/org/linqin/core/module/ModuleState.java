package org.linqin.core.module;

import java.time.OffsetDateTime;

/** A module as it stands in one community. {@code changedAt} is null when nobody ever enabled it there. */
public record ModuleState(LinqinModule module, boolean enabled, ModuleSettings settings, String changedBy,
        OffsetDateTime changedAt) {
}
