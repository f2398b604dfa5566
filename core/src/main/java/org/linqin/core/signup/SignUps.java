package org.linqin.core.signup;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;

/**
 * Sign-ups with a capacity and an optional waiting list, for every module that needs them (volunteer shifts,
 * events, meetings). Every change to a list's places takes the list row's lock first, so the last place is
 * given exactly once however many people ask at the same moment, and a freed place goes to the first waiting
 * person in the same transaction that frees it. Callers run inside their own transaction and check their own
 * rules (membership, time windows) before calling.
 */
@ApplicationScoped
public class SignUps {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String FULL = "FULL";
    public static final String ALREADY_SIGNED_UP = "ALREADY_SIGNED_UP";

    @Inject
    EntityManager em;

    /** A new list with {@code capacity} places. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUpList open(int capacity, boolean waitingList) {
        requireCapacity(capacity);
        SignUpList list = new SignUpList();
        list.capacity = capacity;
        list.waitingList = waitingList;
        em.persist(list);
        return list;
    }

    /**
     * Signs the person up: a place if one is free, else the waiting list if the list has one.
     *
     * @throws ConflictException reason {@link #FULL} or {@link #ALREADY_SIGNED_UP}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SignUp take(Long listId, Long personId) {
        SignUpList list = lock(listId);
        if (active(listId, personId).isPresent()) {
            throw new ConflictException("Already signed up").withReason(ALREADY_SIGNED_UP);
        }
        SignUp signUp = new SignUp();
        signUp.listId = listId;
        signUp.personId = personId;
        signUp.signedUpAt = OffsetDateTime.now();
        if (list.confirmed < list.capacity) {
            list.confirmed++;
            signUp.state = SignUpState.CONFIRMED;
        } else if (list.waitingList) {
            signUp.state = SignUpState.WAITING;
        } else {
            throw new ConflictException("No place is left (" + list.capacity + " of " + list.capacity + " taken)")
                    .withReason(FULL);
        }
        em.persist(signUp);
        return signUp;
    }

    /**
     * Withdraws a CONFIRMED or WAITING sign-up. A freed place goes to the first person waiting.
     *
     * @return the sign-up that moved up from the waiting list, if any
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SignUp> cancel(SignUp signUp, boolean late) {
        SignUpList list = lock(signUp.listId);
        if (signUp.state != SignUpState.CONFIRMED && signUp.state != SignUpState.WAITING) {
            throw ValidationFailedException.of("signUp", "is " + signUp.state + ", not CONFIRMED or WAITING");
        }
        boolean heldPlace = signUp.holdsPlace();
        signUp.state = SignUpState.CANCELLED;
        signUp.cancelledAt = OffsetDateTime.now();
        signUp.lateCancellation = late;
        if (!heldPlace) {
            return Optional.empty();
        }
        list.confirmed--;
        return promote(list);
    }

    /** Cancels every CONFIRMED and WAITING sign-up of the lists (the thing signed up for is called off). @return how many */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelAll(Collection<Long> listIds) {
        if (listIds.isEmpty()) {
            return 0;
        }
        listIds.forEach(this::lock);
        int cancelled = em.createQuery("update SignUp set state = :cancelled, cancelledAt = :now, version = version + 1 "
                + "where listId in :lists and state in :held").setParameter("cancelled", SignUpState.CANCELLED)
                .setParameter("now", OffsetDateTime.now()).setParameter("lists", listIds)
                .setParameter("held", List.of(SignUpState.CONFIRMED, SignUpState.WAITING)).executeUpdate();
        em.createQuery("update SignUpList set confirmed = 0, version = version + 1 where id in :lists")
                .setParameter("lists", listIds).executeUpdate();
        return cancelled;
    }

    /** Changes the number of places; never below the places taken. Growing moves waiting people up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<SignUp> resize(Long listId, int capacity) {
        requireCapacity(capacity);
        SignUpList list = lock(listId);
        if (capacity < list.confirmed) {
            throw ValidationFailedException.of("capacity", "(" + capacity + ") is below the " + list.confirmed
                    + " places already taken; cancel sign-ups first");
        }
        list.capacity = capacity;
        List<SignUp> promoted = new java.util.ArrayList<>();
        for (Optional<SignUp> next = promote(list); next.isPresent(); next = promote(list)) {
            promoted.add(next.get());
        }
        return promoted;
    }

    /** The person's CONFIRMED or WAITING sign-up on the list, to change (not read-only). */
    public Optional<SignUp> active(Long listId, Long personId) {
        return active(List.of(listId), personId);
    }

    /** The person's CONFIRMED or WAITING sign-up on any of the lists (e.g. the positions of one shift). */
    public Optional<SignUp> active(Collection<Long> listIds, Long personId) {
        if (listIds.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("from SignUp where listId in ?1 and personId = ?2 and state in ?3", SignUp.class)
                .setParameter(1, listIds).setParameter(2, personId)
                .setParameter(3, List.of(SignUpState.CONFIRMED, SignUpState.WAITING))
                .getResultList().stream().findFirst();
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

    private Optional<SignUp> promote(SignUpList list) {
        if (list.confirmed >= list.capacity) {
            return Optional.empty();
        }
        Optional<SignUp> next = em.createQuery("from SignUp where listId = ?1 and state = ?2 order by id", SignUp.class)
                .setParameter(1, list.id).setParameter(2, SignUpState.WAITING).setMaxResults(1)
                .getResultList().stream().findFirst();
        next.ifPresent(s -> {
            s.state = SignUpState.CONFIRMED;
            list.confirmed++;
        });
        return next;
    }

    private SignUpList lock(Long listId) {
        SignUpList list = em.find(SignUpList.class, listId, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw new NotFoundException("Sign-up list", listId);
        }
        return list;
    }

    private static void requireCapacity(int capacity) {
        if (capacity < 1 || capacity > 100_000) {
            throw ValidationFailedException.of("capacity", "must be 1 to 100000, was " + capacity);
        }
    }
}
