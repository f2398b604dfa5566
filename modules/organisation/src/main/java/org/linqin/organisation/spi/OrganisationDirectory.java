package org.linqin.organisation.spi;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the organisation module offers other modules (published interface: other modules call this, never the
 * module's internals). Call it only where the organisation module is enabled in the addressed community.
 */
public interface OrganisationDirectory {

    /** The module's id, to check that it is enabled before calling. */
    String MODULE_ID = "organisation";

    /** An organisation unit of the addressed community: id and name. */
    record UnitRef(long id, String name) {
    }

    Optional<UnitRef> unit(long id);

    /** Which of the people are recorded party members of the addressed community; one statement. */
    Set<Long> partyMembersAmong(Collection<Long> personIds);

    /** A household visit (入户走访) recorded in the addressed community: id, building and when. */
    record VisitRef(long id, long buildingId, OffsetDateTime visitedAt) {
    }

    Optional<VisitRef> householdVisit(long id);

    /** What a unit committed to in a signed co-construction agreement (共建协议) of the addressed community. */
    record Commitment(long unitId, long agreementId, String agreementTitle, String commitments) {
    }

    /** The commitments of the units in signed agreements that have not ended, by unit; one statement. */
    Map<Long, List<Commitment>> commitmentsOf(Collection<Long> unitIds);

    /** Whether the person holds a current appointment (position) in the unit. */
    boolean isAppointedIn(long unitId, long personId);
}
