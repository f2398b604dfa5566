package org.linqin.grid.service;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.linqin.core.graphql.ConflictException;
import org.linqin.core.i18n.Msg;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentState;

/**
 * The three-level response as a state machine: reported → acknowledged → in progress → resolved → closed, with
 * reopen; escalation raises the level (1 → 2 → 3) while the incident is open and keeps its state.
 */
public final class IncidentStateMachine {

    static final Set<IncidentState> OPEN = EnumSet.of(IncidentState.REPORTED, IncidentState.ACKNOWLEDGED,
            IncidentState.IN_PROGRESS);

    private static final Map<IncidentAction, Set<IncidentState>> FROM = Map.of(
            IncidentAction.ACKNOWLEDGED, EnumSet.of(IncidentState.REPORTED),
            IncidentAction.STARTED, EnumSet.of(IncidentState.ACKNOWLEDGED),
            IncidentAction.RESOLVED, EnumSet.of(IncidentState.IN_PROGRESS),
            IncidentAction.CLOSED, EnumSet.of(IncidentState.RESOLVED),
            IncidentAction.REOPENED, EnumSet.of(IncidentState.RESOLVED, IncidentState.CLOSED),
            IncidentAction.ESCALATED, OPEN,
            IncidentAction.JOINT_MEETING, OPEN,
            IncidentAction.WHISTLE_BLOWN, OPEN,
            IncidentAction.RATED, EnumSet.of(IncidentState.RESOLVED, IncidentState.CLOSED));

    private IncidentStateMachine() {
    }

    /** The state after {@code action}; CONFLICT naming the current state when the action is not allowed from it. */
    public static IncidentState next(IncidentState current, IncidentAction action, int level) {
        Set<IncidentState> from = FROM.get(action);
        if (from == null || !from.contains(current)) {
            throw new ConflictException(from == null ? Msg.of("grid.incidentState.cannot", verb(action), current)
                    : Msg.of("grid.incidentState.cannotAllowedFrom", verb(action), current, from));
        }
        if (action == IncidentAction.ESCALATED && level >= 3) {
            throw new ConflictException(Msg.of("grid.incidentState.cannotEscalateIncidentLevel"));
        }
        return switch (action) {
            case ACKNOWLEDGED -> IncidentState.ACKNOWLEDGED;
            case STARTED, REOPENED -> IncidentState.IN_PROGRESS;
            case RESOLVED -> IncidentState.RESOLVED;
            case CLOSED -> IncidentState.CLOSED;
            default -> current;
        };
    }

    public static boolean isOpen(IncidentState state) {
        return OPEN.contains(state);
    }

    private static Object verb(IncidentAction action) {
        return switch (action) {
            case ACKNOWLEDGED -> Msg.of("grid.verb.acknowledge");
            case STARTED -> Msg.of("grid.verb.start");
            case RESOLVED -> Msg.of("grid.verb.resolve");
            case CLOSED -> Msg.of("grid.verb.close");
            case REOPENED -> Msg.of("grid.verb.reopen");
            case ESCALATED -> Msg.of("grid.verb.escalate");
            case JOINT_MEETING -> Msg.of("grid.verb.jointMeeting");
            case WHISTLE_BLOWN -> Msg.of("grid.verb.whistle");
            case RATED -> Msg.of("grid.verb.rate");
            default -> action.name();
        };
    }
}
