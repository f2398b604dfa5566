package org.linqin.volunteer.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.organisation.spi.AgreementParties;
import org.linqin.volunteer.VolunteerTeamModule;
import org.linqin.volunteer.model.Team;

/** Teams as parties of the organisation module's co-construction agreements (its extension point). */
@ApplicationScoped
public class TeamAgreementParties implements AgreementParties {

    @Override
    public String moduleId() {
        return VolunteerTeamModule.ID;
    }

    @Override
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            Team.<Team> list("id in ?1", ids).forEach(t -> names.put(t.id, t.name));
        }
        return names;
    }
}
