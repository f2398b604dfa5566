package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.people.model.Person;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpList;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The kernel's sign-ups on the real database: seats, a waiting list that nobody jumps, offers of freed places that
 * are accepted or expire, and expiry run by several replicas at once. (Races over HTTP: VolunteerConcurrencyTest.)
 */
@QuarkusTest
class SignUpsTest {

    static final String COMMUNITY = "changqing-6";

    @Inject
    SignUps signUps;

    @Inject
    CommunityScope scope;

    @Inject
    AgroalDataSource db;

    @Test
    void endingAListMarksNoShowsAndEndsTheWaiting() {
        List<Long> people = people(4);
        long list = scope.call(COMMUNITY, () -> signUps.open(3, true, 2).id);
        long came = take(list, people.get(0), 1, SignUpState.CONFIRMED);
        long stayedAway = take(list, people.get(1), 1, SignUpState.CONFIRMED);
        long offered = take(list, people.get(2), 1, SignUpState.CONFIRMED);
        long waiting = take(list, people.get(3), 1, SignUpState.WAITING);
        Db.update(db, "update sign_ups set checked_in_at = now() where id = ?", came);
        Db.update(db, "update sign_ups set state = 'OFFERED', offer_expires_at = now() + interval '1 hour' where id = ?",
                offered);
        assertThat(scope.call(COMMUNITY, () -> signUps.end(List.of(list)))).isEqualTo(1);
        assertThat(state(came)).isEqualTo(SignUpState.CONFIRMED);
        assertThat(state(stayedAway)).isEqualTo(SignUpState.NO_SHOW);
        assertThat(state(offered)).isEqualTo(SignUpState.EXPIRED);
        assertThat(state(waiting)).isEqualTo(SignUpState.EXPIRED);
        // the no-show keeps its seat, the offer's seat is given back
        assertThat(confirmed(list)).isEqualTo(2);
    }

    @Test
    void seatsWaitInOrderAndFreedPlacesAreOfferedThenAcceptedOrExpired() {
        List<Long> people = people(5);
        long list = scope.call(COMMUNITY, () -> signUps.open(5, true, 2).id);
        long a = take(list, people.get(0), 3, SignUpState.CONFIRMED);
        long b = take(list, people.get(1), 3, SignUpState.WAITING);
        // one seat would fit, but B waits first: nobody jumps the line
        long c = take(list, people.get(2), 1, SignUpState.WAITING);
        assertThat(scope.call(COMMUNITY, () -> signUps.positionInLine(SignUp.findById(c)))).isEqualTo(2);

        List<SignUp> movedUp = scope.call(COMMUNITY, () -> signUps.cancel(SignUp.findById(a), false));
        assertThat(movedUp).extracting(s -> s.id).containsExactly(b, c);
        assertThat(state(b)).isEqualTo(SignUpState.OFFERED);
        assertThat(state(c)).isEqualTo(SignUpState.OFFERED);
        assertThat(confirmed(list)).isEqualTo(4);

        scope.run(COMMUNITY, () -> signUps.accept(SignUp.findById(b)));
        assertThat(state(b)).isEqualTo(SignUpState.CONFIRMED);
        Db.update(db, "update sign_ups set offer_expires_at = now() - interval '1 minute' where id = ?", c);
        assertThatThrownBy(() -> scope.run(COMMUNITY, () -> signUps.accept(SignUp.findById(c))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("expired");
        long d = take(list, people.get(3), 2, SignUpState.WAITING); // 4 of 5 held (C's offer still counts)
        scope.call(COMMUNITY, () -> signUps.expireOffers(COMMUNITY));
        assertThat(state(c)).isEqualTo(SignUpState.EXPIRED);
        // C's seat freed: D (2 seats) fits now (3 + 2 = 5) and is offered the places
        assertThat(state(d)).isEqualTo(SignUpState.OFFERED);
        assertThat(confirmed(list)).isEqualTo(5);
        take(list, people.get(4), 1, SignUpState.WAITING);
        assertThat(Db.count(db, "select coalesce(sum(seats), 0) from sign_ups where list_id = ? and state in "
                + "('CONFIRMED', 'OFFERED')", list)).isEqualTo(confirmed(list));
        assertThatThrownBy(() -> scope.run(COMMUNITY, () -> signUps.take(list, people.get(4), 1)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void offersExpireOnceWhenReplicasExpireThemAtTheSameTime() throws Exception {
        List<Long> people = people(20);
        List<Long> lists = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long list = scope.call(COMMUNITY, () -> signUps.open(1, true, 1).id);
            long first = take(list, people.get(2 * i), 1, SignUpState.CONFIRMED);
            take(list, people.get(2 * i + 1), 1, SignUpState.WAITING);
            scope.call(COMMUNITY, () -> signUps.cancel(SignUp.findById(first), false));
            lists.add(list);
        }
        String ids = lists.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        Db.update(db, "update sign_ups set offer_expires_at = now() - interval '1 minute' where state = 'OFFERED' and "
                + "list_id in (" + ids + ")");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> scope.call(COMMUNITY,
                        () -> signUps.expireOffers(COMMUNITY).size())));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (long list : lists) {
            assertThat(Db.count(db, "select count(*) from sign_ups where list_id = ? and state = 'EXPIRED'", list))
                    .isEqualTo(1);
            assertThat(confirmed(list)).isZero();
        }
    }

    private long take(long list, long person, int seats, SignUpState expected) {
        SignUp signUp = scope.call(COMMUNITY, () -> signUps.take(list, person, seats));
        assertThat(signUp.state).isEqualTo(expected);
        return signUp.id;
    }

    private SignUpState state(long signUp) {
        return scope.call(COMMUNITY, () -> SignUp.<SignUp> findById(signUp).state);
    }

    private long confirmed(long list) {
        return scope.call(COMMUNITY, () -> SignUpList.<SignUpList> findById(list).confirmed);
    }

    private List<Long> people(int count) {
        return scope.call(COMMUNITY, () -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Person person = new Person();
                person.name = "报名-" + i;
                person.persist();
                ids.add(person.id);
            }
            return ids;
        });
    }
}
