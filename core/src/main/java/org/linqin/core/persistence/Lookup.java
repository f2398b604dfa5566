package org.linqin.core.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.tenancy.CommunityContext;

/** Finds a row of the addressed community by id, or answers NOT_FOUND: the same for a missing id and a foreign one. */
@ApplicationScoped
public class Lookup {

    @Inject
    CommunityContext context;

    @Inject
    EntityManager em;

    /** @param what how the error names the thing, e.g. {@code Msg.of("booking.thing.room")} */
    public <E> E require(Class<E> type, Long id, Msg what) {
        context.require();
        E row = id == null ? null : em.find(type, id);
        if (row == null) {
            throw new NotFoundException(what, id);
        }
        return row;
    }

    /** The rows of the ids, by id, in one read-only statement, for batched fields (ids the community lacks are left out). */
    public <E extends LinqinEntity> Map<Long, E> byIds(Class<E> type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, E> byId = new HashMap<>();
        em.createQuery("from " + type.getSimpleName() + " where id in ?1", type).setParameter(1, ids)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().forEach(row -> byId.put(row.id, row));
        return byId;
    }

    /**
     * The rows of a query whose parameter {@code ?1} takes the ids, grouped by {@code key} in the order of the ids
     * (an empty list for an id without rows): a batched list field in one read-only statement.
     */
    public <T> List<List<T>> grouped(TypedQuery<T> query, List<Long> ids, Function<T, Long> key) {
        Map<Long, List<T>> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            query.setParameter(1, ids.stream().distinct().toList()).setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultList().forEach(row -> byId.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        }
        return ids.stream().map(id -> byId.getOrDefault(id, List.of())).toList();
    }
}
