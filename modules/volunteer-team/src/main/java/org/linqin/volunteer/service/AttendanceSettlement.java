package org.linqin.volunteer.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.volunteer.VolunteerTeamModule;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.ShiftState;

import io.quarkus.scheduler.Scheduled;

/**
 * After a shift ends: a confirmed place never checked in becomes NO_SHOW, and a check-in never checked out is
 * closed at the shift's end (its hours counted to the end). Every minute, in each community with the module on.
 * Shifts are claimed with {@code FOR UPDATE SKIP LOCKED} and marked settled in the same transaction, so replicas
 * running it at once settle each shift exactly once.
 */
@ApplicationScoped
public class AttendanceSettlement {

    static final int BATCH = 100;

    @Inject
    CommunityScope scope;

    @Inject
    HoursService hours;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Scheduled(every = "${linqin.jobs.interval:60s}", delayed = "40s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settleEverywhere() {
        scope.forEachEnabling(VolunteerTeamModule.ID, this::settle);
    }

    /** Settles the community's ended shifts, a batch at a time; runs in the caller's transaction. @return shifts */
    @Transactional(Transactional.TxType.MANDATORY)
    public int settle(String communityCode) {
        @SuppressWarnings("unchecked")
        List<Number> claimed = em.createNativeQuery("update volunteer_shifts set settled_at = now(), version = version + 1"
                + " where id in (select id from volunteer_shifts where community_code = ?1 and settled_at is null"
                + " and ends_at < now() order by ends_at limit ?2 for update skip locked) returning id")
                .setParameter(1, communityCode).setParameter(2, BATCH).getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> shiftIds = claimed.stream().map(Number::longValue).toList();
        // the claimed shifts were changed by SQL: read them fresh
        List<Shift> shifts = em.createQuery("from Shift where id in ?1", Shift.class).setParameter(1, shiftIds)
                .getResultList();
        List<Long> open = new java.util.ArrayList<>();
        for (Shift shift : shifts) {
            em.refresh(shift);
            if (shift.state == ShiftState.OPEN) {
                open.add(shift.id);
            }
        }
        if (open.isEmpty()) {
            return shifts.size();
        }
        java.util.Map<Long, Shift> byId = new java.util.HashMap<>();
        shifts.forEach(s -> byId.put(s.id, s));
        // by person: each person's profile is locked in one order by every settling replica (no deadlock)
        List<Object[]> confirmed = em.createQuery("select u, p.shiftId from SignUp u, ShiftPosition p where "
                + "p.listId = u.listId and p.shiftId in ?1 and u.state = ?2 order by u.personId, u.id", Object[].class)
                .setParameter(1, open).setParameter(2, SignUpState.CONFIRMED).getResultList();
        for (Object[] row : confirmed) {
            SignUp signUp = (SignUp) row[0];
            Shift shift = byId.get((Long) row[1]);
            if (signUp.checkedInAt == null) {
                // a no-show keeps its seat: the place was taken and not used
                signUp.state = SignUpState.NO_SHOW;
                audit.record(communityCode, "volunteer.no-show", "volunteer-shift", shift.id,
                        Map.of("person", signUp.personId));
            } else if (signUp.checkedOutAt == null) {
                signUp.checkedOutAt = shift.endsAt.isBefore(signUp.checkedInAt) ? signUp.checkedInAt : shift.endsAt;
                hours.recordVerified(shift, signUp, "settlement at the end of the shift");
                audit.record(communityCode, "volunteer.checked-out", "volunteer-shift", shift.id,
                        Map.of("person", signUp.personId, "by", "settlement"));
            }
        }
        // those still waiting when the shift is over will not get a place
        em.createQuery("update SignUp set state = :expired, version = version + 1 where state = :waiting and listId in "
                + "(select p.listId from ShiftPosition p where p.shiftId in :shifts)")
                .setParameter("expired", SignUpState.EXPIRED).setParameter("waiting", SignUpState.WAITING)
                .setParameter("shifts", open).executeUpdate();
        return shifts.size();
    }

    /** Settles now, in a transaction of its own (operators, tests). */
    public int settleNow(String communityCode) {
        return scope.call(communityCode, () -> settle(communityCode));
    }
}
