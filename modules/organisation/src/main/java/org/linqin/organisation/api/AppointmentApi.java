package org.linqin.organisation.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.organisation.api.OrgViews.AppointmentView;
import org.linqin.organisation.api.OrgViews.CrossAppointedView;
import org.linqin.organisation.api.OrgViews.OrgUnitView;
import org.linqin.organisation.model.Appointment;
import org.linqin.organisation.service.AppointmentService;
import org.linqin.organisation.service.OrgInputs.NewAppointment;

@GraphQLApi
@ModuleGuarded
public class AppointmentApi {

    @Inject
    AppointmentService appointments;

    @Inject
    Caller caller;

    @Description("Current members of the unit by position (batched). Staff see every appointment; others the "
            + "public contacts only (names and positions, never phones). Module organisation. 成员")
    public List<List<AppointmentView>> members(@Source List<OrgUnitView> units) {
        List<List<Appointment>> current = appointments.currentOf(units.stream().map(OrgUnitView::id).toList(),
                !caller.hasAnyRole(Roles.STAFF));
        Map<Long, String> names = appointments.names(current.stream().flatMap(List::stream).map(a -> a.personId)
                .collect(Collectors.toSet()));
        return current.stream().map(list -> list.stream().map(a -> AppointmentView.of(a, names)).toList()).toList();
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PARTY_MEMBER })
    @Description("Every appointment of a person, past and current, oldest first. Staff and party members. Module "
            + "organisation. 任职经历")
    public List<AppointmentView> appointmentsOf(@NonNull @Id @Description("The person.") Long personId) {
        List<Appointment> history = appointments.history(personId);
        Map<Long, String> names = appointments.names(List.of(personId));
        return history.stream().map(a -> AppointmentView.of(a, names)).toList();
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PARTY_MEMBER })
    @Description("People holding current positions in units of different kinds at the same time (交叉任职). Staff "
            + "and party members. Module organisation.")
    public List<CrossAppointedView> crossAppointedPeople() {
        var cross = appointments.crossAppointed();
        Map<Long, String> names = appointments.names(cross.stream().map(c -> c.personId()).toList());
        return cross.stream().map(c -> new CrossAppointedView(c.personId(), names.get(c.personId()),
                c.appointments().stream().map(a -> AppointmentView.of(a, names)).toList())).toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Appoints a person to a position in a unit. Community admins; audited. Module organisation. 任命")
    public AppointmentView appoint(@NonNull NewAppointment input) {
        Appointment appointment = appointments.appoint(input);
        return AppointmentView.of(appointment, appointments.names(List.of(appointment.personId)));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Ends an appointment; it stays as history. Community admins; audited. Module organisation. 免职")
    public AppointmentView endAppointment(@NonNull @Id @Description("The appointment.") Long id,
            @Description("Day it ends; default today.") LocalDate endOn) {
        Appointment appointment = appointments.end(id, endOn);
        return AppointmentView.of(appointment, appointments.names(List.of(appointment.personId)));
    }
}
