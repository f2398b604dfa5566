package org.linqin.organisation.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.organisation.api.OrgViews.AgreementView;
import org.linqin.organisation.model.Agreement;
import org.linqin.organisation.model.AgreementStatus;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.service.AgreementService;
import org.linqin.organisation.service.OrgInputs.NewAgreement;
import org.linqin.organisation.service.OrgUnitService;
import org.linqin.organisation.service.TeamParties;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class AgreementApi {

    @Inject
    AgreementService agreements;

    @Inject
    OrgUnitService units;

    @Inject
    TeamParties teamParties;

    @Query
    @Authenticated
    @Description("Co-construction agreements of the addressed community. Module organisation. 共建协议")
    public Connection<AgreementView> agreements(@Description("Only agreements in this status.") AgreementStatus status,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        Connection<Agreement> page = agreements.list(status, PageRequest.of(first, after));
        Map<Long, OrgUnit> parties = units.byIds(page.edges().stream()
                .flatMap(e -> e.node().parties.stream().map(p -> p.unitId)).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, String> teams = teamParties.namesIfEnabled(page.edges().stream()
                .flatMap(e -> e.node().parties.stream().map(p -> p.teamId)).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return page.map(a -> AgreementView.of(a, parties, teams));
    }

    @Query
    @Authenticated
    @Description("A co-construction agreement. Module organisation. 共建协议")
    public AgreementView agreement(@NonNull @Id @Description("The agreement.") Long id) {
        return view(agreements.find(id));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Drafts an agreement between at least two units. Community admins; audited. Module organisation. 起草协议")
    public AgreementView draftAgreement(@NonNull NewAgreement input) {
        return view(agreements.draft(input));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Changes a draft's title, parties and commitments; CONFLICT once signed. Community admins; "
            + "audited. Module organisation. 修改协议")
    public AgreementView redraftAgreement(@NonNull @Id @Description("The agreement.") Long id,
            @NonNull NewAgreement input, @Description("The version you read.") Integer expectedVersion) {
        return view(agreements.redraft(id, input, expectedVersion));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Marks a draft as signed. Community admins; audited. Module organisation. 签署协议")
    public AgreementView signAgreement(@NonNull @Id @Description("The agreement.") Long id,
            @Description("Date signed; default today.") LocalDate signedOn) {
        return view(agreements.sign(id, signedOn));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Ends a signed agreement. Community admins; audited. Module organisation. 终止协议")
    public AgreementView endAgreement(@NonNull @Id @Description("The agreement.") Long id,
            @Description("Date ended; default today.") LocalDate endedOn) {
        return view(agreements.end(id, endedOn));
    }

    private AgreementView view(Agreement agreement) {
        return AgreementView.of(agreement, units.byIds(agreement.parties.stream().map(p -> p.unitId)
                .filter(Objects::nonNull).toList()), teamParties.namesIfEnabled(agreement.parties.stream()
                .map(p -> p.teamId).filter(Objects::nonNull).toList()));
    }
}
