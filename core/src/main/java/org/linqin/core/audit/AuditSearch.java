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
import org.linqin.core.i18n.Msg;
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
            throw ValidationFailedException.of("from", Msg.of("core.auditSearch.after"));
        }
        Conditions where = new Conditions();
        where.add("e.communityCode = :community", "community", community);
        where.add("lower(e.actor) like :actor escape '\\'", "actor", filter.actorContains() == null ? null
                : "%" + likeEscaped(filter.actorContains().toLowerCase()) + "%");
        where.add("e.action = :action", "action", filter.action());
        where.add("e.targetType = :targetType", "targetType", filter.targetType());
        where.add("e.targetId = :targetId", "targetId", filter.targetId());
        where.add("e.at >= :from", "from", filter.from());
        where.add("e.at < :to", "to", filter.to());
        return pagination.page(AuditEntry.class, where.hql(), where.params, page, e -> e);
    }

    /** The conditions of the filters given; a filter left null adds none. */
    private static final class Conditions {
        private final List<String> hql = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        void add(String condition, String name, Object value) {
            if (value != null) {
                hql.add(condition);
                params.put(name, value);
            }
        }

        String hql() {
            return hql.isEmpty() ? null : String.join(" and ", hql);
        }
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
            throw ValidationFailedException.of("community",
                    Msg.of("core.auditSearch.mustAddressedCommunityCommunity", addressed));
        }
        return addressed;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
