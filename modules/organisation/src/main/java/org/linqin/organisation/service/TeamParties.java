package org.linqin.organisation.service;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ModuleDisabledException;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.organisation.spi.AgreementParties;

/** Teams as agreement parties, through the {@link AgreementParties} extension that the volunteer-team module fills. */
@ApplicationScoped
public class TeamParties {

    /** The module expected to keep teams, named in MODULE_DISABLED when none is installed. */
    static final String TEAMS_MODULE = "volunteer-team";

    @Inject
    Instance<AgreementParties> extensions;

    @Inject
    EnabledModules enabled;

    @Inject
    CommunityContext context;

    /** The names of the teams the community has; MODULE_DISABLED where the teams' module is off. */
    public Map<Long, String> namesOrDisabled(Collection<Long> teamIds) {
        return active().orElseThrow(() -> new ModuleDisabledException(TEAMS_MODULE, context.require()))
                .names(teamIds);
    }

    /** The names, or none where the teams' module is off. */
    public Map<Long, String> namesIfEnabled(Collection<Long> teamIds) {
        return teamIds.isEmpty() ? Map.of() : active().map(e -> e.names(teamIds)).orElse(Map.of());
    }

    private Optional<AgreementParties> active() {
        String community = context.require();
        return extensions.stream().filter(e -> enabled.isEnabled(community, e.moduleId())).findFirst();
    }
}
