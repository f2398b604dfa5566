package org.linqin.core.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.persistence.LinqinEntity;

/**
 * Keyset pagination over any entity ordered by id: one query for the page, one for the total. Tenant
 * filtering applies as for every HQL query.
 */
@ApplicationScoped
public class Pagination {

    @Inject
    EntityManager em;

    /**
     * @param where an HQL condition on alias {@code e}, or {@code null} for all rows
     */
    public <E extends LinqinEntity, T> Connection<T> page(Class<E> entity, String where, Map<String, Object> params,
            PageRequest page, Function<E, T> mapper) {
        String condition = where == null ? "true" : "(" + where + ")";
        var query = em.createQuery("from " + entity.getSimpleName() + " e where " + condition
                + " and e.id > :afterId order by e.id", entity)
                .setParameter("afterId", page.afterId())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(page.first() + 1);
        var count = em.createQuery("select count(e) from " + entity.getSimpleName() + " e where " + condition, Long.class);
        params.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<E> rows = query.getResultList();
        // counted only when asked for: the count is a second statement over every matching row
        int total = Selection.includes("totalCount") ? Math.toIntExact(count.getSingleResult()) : 0;
        return Connection.ofRows(rows, page, e -> e.id, mapper, total);
    }
}
