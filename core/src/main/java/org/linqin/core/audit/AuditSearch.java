package org.linqin.core.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;

/**
 * Reads the audit log: community admins the lines of the community they address, platform admins any community's
 * (or all lines, platform-wide ones included). Oldest first, paginated.
 */
@ApplicationScoped
public class AuditSearch {

    /** What to look for; null fields do not filter. */
    public record Filter(String community, String actorContains, String action, String targetType, String targetId,
            OffsetDateTime from, OffsetDateTime to) {
    }

    @Inject
    Caller caller;

    @Inject
    CommunityContext context;

    @Inject
    Pagination pagination;

    public Connection<AuditEntry> search(Filter filter, PageRequest page) {
        String community = communityFor(filter.community());
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw ValidationFailedException.of("from", "is after 'to'");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (community != null) {
            where.add("e.communityCode = :community");
            params.put("community", community);
        }
        if (filter.actorContains() != null) {
            where.add("lower(e.actor) like :actor escape '\\'");
            params.put("actor", "%" + likeEscaped(filter.actorContains().toLowerCase()) + "%");
        }
        if (filter.action() != null) {
            where.add("e.action = :action");
            params.put("action", filter.action());
        }
        if (filter.targetType() != null) {
            where.add("e.targetType = :targetType");
            params.put("targetType", filter.targetType());
        }
        if (filter.targetId() != null) {
            where.add("e.targetId = :targetId");
            params.put("targetId", filter.targetId());
        }
        if (filter.from() != null) {
            where.add("e.at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("e.at < :to");
            params.put("to", filter.to());
        }
        return pagination.page(AuditEntry.class, where.isEmpty() ? null : String.join(" and ", where), params, page,
                e -> e);
    }

    /**
     * The community whose lines the caller may read: a platform admin names one or none (everything); anyone else
     * reads the addressed community, and naming another is refused.
     */
    private String communityFor(String requested) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return requested;
        }
        String addressed = context.require();
        if (requested != null && !requested.equals(addressed)) {
            throw ValidationFailedException.of("community", "must be the addressed community ('" + addressed
                    + "'): community admins read their own community's audit log");
        }
        return addressed;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
