package org.linqin.core.community.service;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Community;
import org.linqin.core.community.service.CommunityInputs.CommunityChanges;
import org.linqin.core.community.service.CommunityInputs.NewCommunity;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.security.IdentityDirectory;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;

/** Creating, editing and finding communities (the tenants). */
@ApplicationScoped
public class CommunityService {

    @Inject
    CommunityDirectory directory;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    CommunityContext context;

    @Inject
    AuditLog audit;

    @Inject
    IdentityDirectory identities;

    public Connection<Community> list(PageRequest page) {
        return pagination.page(Community.class, null, Map.of(), page, c -> c);
    }

    /** The community with this code, or the addressed one when {@code code} is null. */
    public Community find(String code) {
        String wanted = code == null ? context.require() : code;
        Community community = Community.findByCode(wanted);
        if (community == null) {
            throw new NotFoundException(Msg.of("core.thing.community"), wanted);
        }
        return community;
    }

    @Transactional
    public Community create(NewCommunity input) {
        inputs.validate("input", input);
        if (Community.findByCode(input.code()) != null) {
            throw new ConflictException(Msg.of("core.community.communityExistsAlready", input.code()));
        }
        Community community = new Community();
        community.code = input.code();
        community.name = input.name().trim();
        community.district = input.district();
        community.timeZone = input.timeZone() == null ? Community.DEFAULT_TIME_ZONE : checkedZone(input.timeZone());
        community.foundedOn = input.foundedOn();
        community.createdAt = OffsetDateTime.now();
        community.persist();
        audit.record(community.code, "community.created", "community", community.code, Map.of("name", community.name));
        // Last, so that a refusal of the identity server rolls the community back; groups left behind by a failed
        // commit are empty and are reused when the community is created again.
        identities.createCommunityGroups(community.code);
        return community;
    }

    @Transactional
    public Community update(String code, CommunityChanges changes) {
        inputs.validate("input", changes);
        Community community = find(code);
        InputValidator.checkVersion(changes.expectedVersion(), community.version,
                Msg.of("core.thing.community2", code));
        if (changes.name() != null) {
            community.name = changes.name().trim();
        }
        if (changes.district() != null) {
            community.district = changes.district();
        }
        if (changes.timeZone() != null) {
            community.timeZone = checkedZone(changes.timeZone());
            directory.changed(code);
        }
        if (changes.foundedOn() != null) {
            community.foundedOn = changes.foundedOn();
        }
        audit.record(code, "community.updated", "community", code, Map.of());
        return community;
    }

    private static String checkedZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ValidationFailedException.of("input.timeZone", Msg.of("core.community.notIanaTimeZone"));
        }
    }
}
