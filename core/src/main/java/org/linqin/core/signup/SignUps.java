package org.linqin.core.signup;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;

/**
 * Sign-ups with a capacity and an optional waiting list, for every module that needs them (volunteer shifts,
 * events, meetings). Every change to a list's places takes the list row's lock first, so the last place is
 * given exactly once however many people ask at the same moment, and a freed place goes to the first in line in
 * the same transaction that frees it: at once, or as an offer held for the list's {@code offerHours} that the
 * person accepts (an expired offer passes to the next). A sign-up may take several seats (a parent with children).
 * Callers run inside their own transaction and check their own rules (membership, time windows) before calling.
 */
@ApplicationScoped
public class SignUps {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String FULL = "FULL";
    public static final String ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP";
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";
    /** A sign-up holds at most this many seats. */
    public static final int MAX_SEATS = 20;

    /** States that take part: hold seats or wait for them. */
    static final List<SignUpState> ACTIVE = List.of(SignUpState.CONFIRMED, SignUpState.OFFERED, SignUpState.WAITING);

    @Inject
    EntityManager em;

    @Inject
    Event<OffersExpired> offersExpired;

    /** A new list with {@code capacity} places whose waiting people move up at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUpList open(int capacity, boolean waitingList) {
        return open(capacity, waitingList, null);
    }

    /** A new list; with {@code offerHours}, a freed place is offered to the next in line for that long. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUpList open(int capacity, boolean waitingList, Integer offerHours) {
        requireCapacity(capacity);
        if (offerHours != null && (offerHours < 1 || offerHours > 720)) {
            throw ValidationFailedException.of("offerHours", Msg.of("core.signUps.mustWas", offerHours));
        }
        SignUpList list = new SignUpList();
        list.capacity = capacity;
        list.waitingList = waitingList;
        list.offerHours = offerHours;
        em.persist(list);
        return list;
    }

    /** Signs the person up for one seat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUp take(Long listId, Long personId) {
        return take(listId, personId, 1);
    }

    /**
     * Signs the person up for {@code seats}: CONFIRMED if they are free, else WAITING if the list keeps a waiting
     * list (behind those already waiting: nobody jumps the queue).
     *
     * @throws ConflictException reason {@link #FULL} or {@link #ALREADY_SIGNED_UP}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUp take(Long listId, Long personId, int seats) {
        if (seats < 1 || seats > MAX_SEATS) {
            throw ValidationFailedException.of("seats", Msg.of("core.signUps.mustWas2", MAX_SEATS, seats));
        }
        SignUpList list = lock(listId);
        if (active(listId, personId).isPresent()) {
            throw new ConflictException(Msg.of("core.signUps.alreadySignedUp")).withReason(ALREADY_SIGNED_UP);
        }
        if (seats > list.capacity) {
            throw ValidationFailedException.of("seats", Msg.of("core.signUps.moreThanAllPlaces", seats, list.capacity));
        }
        SignUp signUp = new SignUp();
        signUp.listId = listId;
        signUp.personId = personId;
        signUp.seats = seats;
        signUp.signedUpAt = OffsetDateTime.now();
        if (list.confirmed + seats <= list.capacity && (!list.waitingList || waiting(listId) == 0)) {
            list.confirmed += seats;
            signUp.state = SignUpState.CONFIRMED;
        } else if (list.waitingList) {
            signUp.state = SignUpState.WAITING;
        } else {
            throw new ConflictException(
                    Msg.of("core.signUps.noPlaceLeftFree", list.free(), list.capacity, seats)).withReason(FULL);
        }
        em.persist(signUp);
        return signUp;
    }

    /**
     * Withdraws a CONFIRMED, OFFERED or WAITING sign-up (declining an offer is withdrawing). Freed seats go to those
     * waiting, in order.
     *
     * @return the sign-ups that moved up (CONFIRMED or OFFERED)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SignUp> cancel(SignUp signUp, boolean late) {
        SignUpList list = lock(signUp.listId);
        if (!ACTIVE.contains(signUp.state)) {
            throw ValidationFailedException.of("signUp",
                    Msg.of("core.signUps.notConfirmedOfferedWaiting", signUp.state));
        }
        boolean heldSeats = signUp.holdsSeats();
        signUp.state = SignUpState.CANCELLED;
        signUp.cancelledAt = OffsetDateTime.now();
        signUp.lateCancellation = late;
        if (!heldSeats) {
            return List.of();
        }
        list.confirmed -= signUp.seats;
        return fill(list);
    }

    /** Accepts an offered place before it expires. @throws ConflictException reason {@link #OFFER_EXPIRED} */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUp accept(SignUp signUp) {
        lock(signUp.listId);
        if (signUp.state != SignUpState.OFFERED) {
            throw new ConflictException(Msg.of("core.signUps.thereNoOfferAccept", signUp.state))
                    .withReason(signUp.state == SignUpState.EXPIRED ? OFFER_EXPIRED : "NO_OFFER");
        }
        if (!OffsetDateTime.now().isBefore(signUp.offerExpiresAt)) {
            throw new ConflictException(
                    Msg.of("core.signUps.offerExpired", signUp.offerExpiresAt)).withReason(OFFER_EXPIRED);
        }
        signUp.state = SignUpState.CONFIRMED;
        signUp.offerExpiresAt = null;
        return signUp;
    }

    /**
     * Expires the community's offers past their time and offers the seats to the next in line, a batch at a time.
     * Each offer is re-read under its list's lock (the order every other change takes), so replicas running this at
     * once expire each offer once.
     *
     * @return the sign-ups that moved up
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SignUp> expireOffers(String communityCode) {
        @SuppressWarnings("unchecked")
        // in list order, as every change that locks several lists takes them (no deadlock with a cancellation)
        List<Number> due = em.createNativeQuery("select id from sign_ups where community_code = ?1 and state = 'OFFERED'"
                + " and offer_expires_at <= now() order by list_id, offer_expires_at limit 200")
                .setParameter(1, communityCode).getResultList();
        List<SignUp> movedUp = new ArrayList<>();
        Set<Long> expiredOn = new TreeSet<>();
        for (Number id : due) {
            SignUp offer = em.find(SignUp.class, id.longValue());
            if (offer == null) {
                continue;
            }
            SignUpList list = lock(offer.listId);
            em.refresh(offer);
            if (offer.state != SignUpState.OFFERED || OffsetDateTime.now().isBefore(offer.offerExpiresAt)) {
                continue;
            }
            offer.state = SignUpState.EXPIRED;
            list.confirmed -= offer.seats;
            movedUp.addAll(fill(list));
            expiredOn.add(list.id);
        }
        if (!expiredOn.isEmpty()) {
            offersExpired.fire(new OffersExpired(communityCode, expiredOn));
        }
        return movedUp;
    }

    /** Cancels every active sign-up of the lists (the thing signed up for is called off). @return how many */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelAll(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return 0;
        }
        new TreeSet<>(listIds).forEach(this::lock);
        int cancelled = em.createQuery("update SignUp set state = :cancelled, cancelledAt = :now, version = version + 1 "
                + "where listId in :lists and state in :active").setParameter("cancelled", SignUpState.CANCELLED)
                .setParameter("now", OffsetDateTime.now()).setParameter("lists", listIds)
                .setParameter("active", ACTIVE).executeUpdate();
        em.createQuery("update SignUpList set confirmed = 0, version = version + 1 where id in :lists")
                .setParameter("lists", listIds).executeUpdate();
        return cancelled;
    }

    /**
     * Ends the lists (what was signed up for is over): confirmed places never checked in become NO_SHOW (they keep
     * their seats: the place was taken and not used), and those still waiting or offered a place EXPIRE.
     *
     * @return how many became NO_SHOW
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int end(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return 0;
        }
        new TreeSet<>(listIds).forEach(this::lock);
        em.flush();
        em.createQuery("update SignUpList l set l.confirmed = l.confirmed - (select coalesce(sum(s.seats), 0) from "
                + "SignUp s where s.listId = l.id and s.state = :offered), l.version = l.version + 1 where l.id in :lists")
                .setParameter("offered", SignUpState.OFFERED).setParameter("lists", listIds).executeUpdate();
        em.createQuery("update SignUp set state = :expired, offerExpiresAt = null, version = version + 1 "
                + "where listId in :lists and state in :open").setParameter("expired", SignUpState.EXPIRED)
                .setParameter("lists", listIds).setParameter("open", List.of(SignUpState.WAITING, SignUpState.OFFERED))
                .executeUpdate();
        return em.createQuery("update SignUp set state = :noShow, version = version + 1 where listId in :lists "
                + "and state = :confirmed and checkedInAt is null").setParameter("noShow", SignUpState.NO_SHOW)
                .setParameter("lists", listIds).setParameter("confirmed", SignUpState.CONFIRMED).executeUpdate();
    }

    /** Changes the number of places; never below the seats taken. Growing moves waiting people up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SignUp> resize(Long listId, int capacity) {
        requireCapacity(capacity);
        SignUpList list = lock(listId);
        if (capacity < list.confirmed) {
            throw ValidationFailedException.of("capacity",
                    Msg.of("core.signUps.belowPlacesAlreadyTaken", capacity, list.confirmed));
        }
        list.capacity = capacity;
        return fill(list);
    }

    /** The person's CONFIRMED, OFFERED or WAITING sign-up on the list, to change (not read-only). */
    public Optional<SignUp> active(Long listId, Long personId) {
        return active(List.of(listId), personId);
    }

    /** The person's active sign-up on any of the lists (e.g. the positions of one shift). */
    public Optional<SignUp> active(Collection<Long> listIds, Long personId) {
        if (listIds.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("from SignUp where listId in ?1 and personId = ?2 and state in ?3", SignUp.class)
                .setParameter(1, listIds).setParameter(2, personId).setParameter(3, ACTIVE)
                .getResultList().stream().findFirst();
    }

    /** A WAITING sign-up's place in line, 1 for the next; 0 when it is not waiting. */
    public int positionInLine(SignUp signUp) {
        if (signUp.state != SignUpState.WAITING) {
            return 0;
        }
        return 1 + ((Number) em.createQuery("select count(s) from SignUp s where s.listId = ?1 and s.state = ?2 "
                + "and s.id < ?3").setParameter(1, signUp.listId).setParameter(2, SignUpState.WAITING)
                .setParameter(3, signUp.id).getSingleResult()).intValue();
    }

    /** The sign-ups of several lists, in one statement, oldest first (waiting order); read-only. */
    public List<SignUp> of(Collection<Long> listIds, Collection<SignUpState> states) {
        if (listIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from SignUp where listId in ?1 and state in ?2 order by id", SignUp.class)
                .setParameter(1, listIds).setParameter(2, states)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /** The lists, in one statement. */
    public List<SignUpList> lists(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from SignUpList where id in ?1", SignUpList.class).setParameter(1, listIds)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /** How many sign-ups wait on each of the lists (lists without any are left out), in one statement. */
    public Map<Long, Long> waitingCounts(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select s.listId, count(s) from SignUp s where s.listId in ?1 and s.state = ?2 "
                + "group by s.listId", Object[].class).setParameter(1, listIds).setParameter(2, SignUpState.WAITING)
                .getResultList().forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** Moves those waiting up, in order, while the first in line fits; runs under the list's lock. */
    private List<SignUp> fill(SignUpList list) {
        List<SignUp> movedUp = new ArrayList<>();
        List<SignUp> waiting = em.createQuery("from SignUp where listId = ?1 and state = ?2 order by id", SignUp.class)
                .setParameter(1, list.id).setParameter(2, SignUpState.WAITING).getResultList();
        for (SignUp next : waiting) {
            if (list.confirmed + next.seats > list.capacity) {
                break;
            }
            list.confirmed += next.seats;
            if (list.offerHours == null) {
                next.state = SignUpState.CONFIRMED;
            } else {
                next.state = SignUpState.OFFERED;
                next.offerExpiresAt = OffsetDateTime.now().plusHours(list.offerHours);
            }
            movedUp.add(next);
        }
        return movedUp;
    }

    private long waiting(Long listId) {
        return em.createQuery("select count(s) from SignUp s where s.listId = ?1 and s.state = ?2", Long.class)
                .setParameter(1, listId).setParameter(2, SignUpState.WAITING).getSingleResult();
    }

    private SignUpList lock(Long listId) {
        SignUpList list = em.find(SignUpList.class, listId, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw new NotFoundException(Msg.of("core.thing.signUpList"), listId);
        }
        return list;
    }

    private static void requireCapacity(int capacity) {
        if (capacity < 1 || capacity > 100_000) {
            throw ValidationFailedException.of("capacity", Msg.of("core.signUps.mustWas3", capacity));
        }
    }
}
