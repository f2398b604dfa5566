package org.linqin.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.tenancy.CommunityContext;

/** Finds a row of the addressed community by id, or answers NOT_FOUND: the same for a missing id and a foreign one. */
@ApplicationScoped
public class Lookup {

    @Inject
    CommunityContext context;

    @Inject
    EntityManager em;

    /** @param what how the error names the thing, e.g. "Room" */
    public <E> E require(Class<E> type, Long id, String what) {
        context.require();
        E row = id == null ? null : em.find(type, id);
        if (row == null) {
            throw new NotFoundException(what, id);
        }
        return row;
    }
}
