package org.linqin.grid.service;

import java.util.List;
import java.util.Set;

import org.linqin.core.security.Roles;
import org.linqin.grid.model.Incident;

/**
 * Who looks at incidents, and so which they see: staff every incident of the community; part-time grid workers those
 * of their grids; partner staff those routed to partners; everyone their own reports.
 */
public record Viewer(Long personId, Set<String> roles, List<Long> gridIds) {

    static final Set<String> SEE_ALL = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
            Roles.PROPERTY_STAFF);
    static final Set<String> HANDLERS = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER,
            Roles.PART_TIME_GRID_WORKER, Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF);
    static final Set<String> COMMITTEE = Set.of(Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER);

    public boolean seesAll() {
        return roles.stream().anyMatch(SEE_ALL::contains);
    }

    public boolean sees(Incident incident) {
        if (seesAll() || incident.reporterPersonId.equals(personId)) {
            return true;
        }
        if (roles.contains(Roles.PART_TIME_GRID_WORKER) && incident.gridId != null && gridIds.contains(incident.gridId)) {
            return true;
        }
        return roles.contains(Roles.PARTNER_STAFF) && Roles.PARTNER_STAFF.equals(incident.routedRole);
    }

    /** May take the incident up: acknowledge, handle, escalate, resolve. */
    public boolean handles(Incident incident) {
        return sees(incident) && roles.stream().anyMatch(HANDLERS::contains)
                && (seesAll() || !incident.reporterPersonId.equals(personId)
                        || roles.contains(Roles.PART_TIME_GRID_WORKER) || roles.contains(Roles.PARTNER_STAFF));
    }

    public boolean isCommittee() {
        return roles.stream().anyMatch(COMMITTEE::contains);
    }

    /** The reporter is shown to staff and to the reporter; never to others. */
    public boolean seesReporterOf(Incident incident) {
        return seesAll() || incident.reporterPersonId.equals(personId);
    }

    /** An HQL condition on alias {@code e} for the incidents this viewer sees, or null for all. */
    public String condition() {
        if (seesAll()) {
            return null;
        }
        StringBuilder condition = new StringBuilder("(e.reporterPersonId = :viewer");
        if (roles.contains(Roles.PART_TIME_GRID_WORKER) && !gridIds.isEmpty()) {
            condition.append(" or e.gridId in :viewerGrids");
        }
        if (roles.contains(Roles.PARTNER_STAFF)) {
            condition.append(" or e.routedRole = '").append(Roles.PARTNER_STAFF).append("'");
        }
        return condition.append(")").toString();
    }
}
