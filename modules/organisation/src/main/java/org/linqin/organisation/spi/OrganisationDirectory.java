package org.linqin.organisation.spi;

import java.util.Collection;
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
}
