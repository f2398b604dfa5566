package org.linqin.core.community.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.model.PlaceHold;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.persistence.Lookup;

/**
 * Holding named places (squares, parks) for a time, for any module that gathers people there. The exclusion
 * constraint {@code place_holds_no_overlap} decides a clash in the insert itself, so two holders never get the same
 * place at the same time; the clash is answered as {@code CONFLICT} naming the place and the slot already held.
 */
@ApplicationScoped
public class PlaceHolds {

    /** Refusal reason of a clash, as {@code extensions.reason}. */
    public static final String PLACE_TAKEN = "PLACE_TAKEN";

    private static final Pattern EXISTING_SLOT = Pattern.compile(
            "conflicts with existing key \\(.*?\\)=\\(\\d+, \\[\"([^\"]+)\",\"([^\"]+)\"\\)\\)");

    @Inject
    Lookup lookup;

    @Inject
    EntityManager em;

    /** Holds the place from {@code startsAt} to {@code endsAt}. @throws ConflictException reason {@link #PLACE_TAKEN} */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlaceHold hold(Long placeId, OffsetDateTime startsAt, OffsetDateTime endsAt, String holder, String purpose) {
        Place place = lookup.require(Place.class, placeId, Msg.of("core.thing.place"));
        if (!endsAt.isAfter(startsAt)) {
            throw ValidationFailedException.of("endsAt", Msg.of("core.placeHolds.mustAfterStartsat"));
        }
        PlaceHold hold = new PlaceHold();
        hold.placeId = place.id;
        hold.startsAt = startsAt;
        hold.endsAt = endsAt;
        hold.holder = holder;
        hold.purpose = purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
        hold.createdAt = OffsetDateTime.now();
        try {
            em.persist(hold);
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                Matcher slot = EXISTING_SLOT.matcher(String.valueOf(t.getMessage()));
                if (slot.find()) {
                    throw new ConflictException(
                            Msg.of("core.placeHolds.placeTakenFrom",
                                    place.name, slot.group(1), slot.group(2))).withReason(PLACE_TAKEN);
                }
            }
            throw e;
        }
        return hold;
    }

    /** Frees a hold (idempotent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Long holdId) {
        PlaceHold hold = em.find(PlaceHold.class, holdId);
        if (hold != null && hold.releasedAt == null) {
            hold.releasedAt = OffsetDateTime.now();
        }
    }

    /** Unreleased holds of the place overlapping [from, to) (at most 92 days), in time order. */
    public List<PlaceHold> held(Long placeId, OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from) || to.isAfter(from.plusDays(92))) {
            throw ValidationFailedException.of("to", Msg.of("core.placeHolds.mustAfterFromMost"));
        }
        return em.createQuery("from PlaceHold where placeId = ?1 and releasedAt is null and endsAt > ?2 "
                + "and startsAt < ?3 order by startsAt", PlaceHold.class).setParameter(1, placeId)
                .setParameter(2, from).setParameter(3, to).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }
}
