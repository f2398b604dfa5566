package org.linqin.grid.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.ConflictException;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentState;

class IncidentStateMachineTest {

    /** The legal moves: action → (from state → to state). Everything else must be refused. */
    static final Map<IncidentAction, Map<IncidentState, IncidentState>> LEGAL = Map.of(
            IncidentAction.ACKNOWLEDGED, Map.of(IncidentState.REPORTED, IncidentState.ACKNOWLEDGED),
            IncidentAction.STARTED, Map.of(IncidentState.ACKNOWLEDGED, IncidentState.IN_PROGRESS),
            IncidentAction.RESOLVED, Map.of(IncidentState.IN_PROGRESS, IncidentState.RESOLVED),
            IncidentAction.CLOSED, Map.of(IncidentState.RESOLVED, IncidentState.CLOSED),
            IncidentAction.REOPENED, Map.of(IncidentState.RESOLVED, IncidentState.IN_PROGRESS,
                    IncidentState.CLOSED, IncidentState.IN_PROGRESS),
            IncidentAction.ESCALATED, Map.of(IncidentState.REPORTED, IncidentState.REPORTED,
                    IncidentState.ACKNOWLEDGED, IncidentState.ACKNOWLEDGED,
                    IncidentState.IN_PROGRESS, IncidentState.IN_PROGRESS),
            IncidentAction.RATED, Map.of(IncidentState.RESOLVED, IncidentState.RESOLVED,
                    IncidentState.CLOSED, IncidentState.CLOSED));

    @Test
    void everyLegalTransitionGoesWhereItShouldAndEveryOtherIsRefused() {
        for (IncidentAction action : LEGAL.keySet()) {
            for (IncidentState state : IncidentState.values()) {
                IncidentState expected = LEGAL.get(action).get(state);
                if (expected != null) {
                    assertThat(IncidentStateMachine.next(state, action, 1)).as(action + " from " + state)
                            .isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> IncidentStateMachine.next(state, action, 1)).as(action + " from " + state)
                            .isInstanceOf(ConflictException.class).hasMessageContaining("is " + state);
                }
            }
        }
    }

    @Test
    void levelThreeIsTheHighest() {
        assertThat(IncidentStateMachine.next(IncidentState.IN_PROGRESS, IncidentAction.ESCALATED, 2))
                .isEqualTo(IncidentState.IN_PROGRESS);
        assertThatThrownBy(() -> IncidentStateMachine.next(IncidentState.IN_PROGRESS, IncidentAction.ESCALATED, 3))
                .hasMessageContaining("level 3");
    }

    @Test
    void routingReadsCategoriesRolesAndUnits() {
        Routing routing = Routing.parse("safety=grid-worker, fire-hazard=property-staff@42,broken");
        assertThat(routing.routeOf("safety")).isEqualTo(new Routing.Route("grid-worker", null));
        assertThat(routing.routeOf("fire-hazard")).isEqualTo(new Routing.Route("property-staff", 42L));
        assertThat(routing.routeOf("unknown").role()).isEqualTo(Routing.FALLBACK_ROLE);
        assertThat(Set.copyOf(routing.routes().keySet())).containsExactlyInAnyOrder("safety", "fire-hazard");
    }
}
