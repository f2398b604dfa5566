package org.linqin.organisation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.organisation.model.Agreement;
import org.linqin.organisation.model.AgreementStatus;
import org.linqin.organisation.service.OrgInputs.NewAgreement;
import org.linqin.organisation.service.OrgInputs.PartyInput;

/** Co-construction agreements (共建协议): drafted, signed, ended. */
@ApplicationScoped
public class AgreementService {

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    OrgUnitService units;

    @Inject
    AuditLog audit;

    @Inject
    TeamParties teamParties;

    public Connection<Agreement> list(AgreementStatus status, PageRequest page) {
        context.require();
        return status == null ? pagination.page(Agreement.class, null, Map.of(), page, a -> a)
                : pagination.page(Agreement.class, "e.status = :status", Map.of("status", status), page, a -> a);
    }

    public Agreement find(Long id) {
        return lookup.require(Agreement.class, id, Msg.of("organisation.thing.agreement"));
    }

    @Transactional
    public Agreement draft(NewAgreement input) {
        String community = context.require();
        inputs.validate("input", input);
        Agreement agreement = new Agreement();
        apply(agreement, input);
        agreement.persist();
        audit.record(community, "agreement.drafted", "agreement", agreement.id, Map.of("title", agreement.title));
        return agreement;
    }

    @Transactional
    public Agreement redraft(Long id, NewAgreement input, Integer expectedVersion) {
        inputs.validate("input", input);
        Agreement agreement = inState(id, AgreementStatus.DRAFT, Msg.of("organisation.verb.changed"));
        InputValidator.checkVersion(expectedVersion, agreement.version, Msg.of("organisation.thing.agreement2", id));
        apply(agreement, input);
        audit.record(agreement.communityCode, "agreement.redrafted", "agreement", id, Map.of());
        return agreement;
    }

    @Transactional
    public Agreement sign(Long id, LocalDate signedOn) {
        Agreement agreement = inState(id, AgreementStatus.DRAFT, Msg.of("organisation.verb.signed"));
        agreement.status = AgreementStatus.SIGNED;
        agreement.signedOn = signedOn == null ? LocalDate.now() : signedOn;
        audit.record(agreement.communityCode, "agreement.signed", "agreement", id, Map.of());
        return agreement;
    }

    @Transactional
    public Agreement end(Long id, LocalDate endedOn) {
        Agreement agreement = inState(id, AgreementStatus.SIGNED, Msg.of("organisation.verb.ended"));
        LocalDate day = endedOn == null ? LocalDate.now() : endedOn;
        if (day.isBefore(agreement.signedOn)) {
            throw ValidationFailedException.of("endedOn",
                    Msg.of("organisation.agreement.mustNotBeforeSigning", agreement.signedOn));
        }
        agreement.status = AgreementStatus.ENDED;
        agreement.endedOn = day;
        audit.record(agreement.communityCode, "agreement.ended", "agreement", id, Map.of());
        return agreement;
    }

    private Agreement inState(Long id, AgreementStatus required, Msg verb) {
        Agreement agreement = find(id);
        if (agreement.status != required) {
            throw new ConflictException(
                    Msg.of("organisation.agreement.agreementOnlyAgreementCan", id, agreement.status, required, verb));
        }
        return agreement;
    }

    private void apply(Agreement agreement, NewAgreement input) {
        Set<String> seen = new HashSet<>();
        List<Long> teams = new ArrayList<>();
        for (PartyInput party : input.parties()) {
            if ((party.unitId() == null) == (party.teamId() == null)) {
                throw ValidationFailedException.of("input.parties", Msg.of("organisation.agreement.eachPartyUnitTeam"));
            }
            String key = party.unitId() != null ? "unit " + party.unitId() : "team " + party.teamId();
            if (!seen.add(key)) {
                throw ValidationFailedException.of("input.parties", Msg.of("organisation.agreement.namesTwice", key));
            }
            if (party.unitId() != null) {
                units.activeUnit(party.unitId(), "input.parties.unitId");
            } else {
                teams.add(party.teamId());
            }
        }
        if (!teams.isEmpty()) {
            Map<Long, String> known = teamParties.namesOrDisabled(teams);
            teams.stream().filter(t -> !known.containsKey(t)).findFirst().ifPresent(t -> {
                throw new NotFoundException(Msg.of("organisation.thing.volunteerTeam"), t);
            });
        }
        agreement.title = input.title().trim();
        agreement.parties.clear();
        List<PartyInput> parties = input.parties();
        parties.forEach(p -> agreement.parties.add(new Agreement.Party(p.unitId(), p.teamId(), p.commitments())));
    }
}
