package org.linqin.organisation.spi;

import java.util.Collection;
import java.util.Map;

/**
 * An extension point of the organisation module: parties of co-construction agreements that another module keeps
 * (volunteer teams). That module implements it as a CDI bean; the organisation module calls it only where that
 * module is enabled, so neither jar needs the other's internals and the jars form no cycle.
 */
public interface AgreementParties {

    /** The id of the module that keeps these parties, e.g. {@code volunteer-team}. */
    String moduleId();

    /** The names of those of {@code ids} that the addressed community has, by id; one statement. */
    Map<Long, String> names(Collection<Long> ids);
}
