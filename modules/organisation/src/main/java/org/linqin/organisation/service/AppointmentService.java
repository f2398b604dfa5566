package org.linqin.organisation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.organisation.model.Appointment;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.service.OrgInputs.NewAppointment;

/** Positions held in units: appointing, ending (history stays), members of units, cross-appointments. */
@ApplicationScoped
public class AppointmentService {

    /** A person holding current positions in units of at least two kinds (交叉任职). */
    public record CrossAppointment(Long personId, List<Appointment> appointments) {
    }

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    InputValidator inputs;

    @Inject
    OrgUnitService units;

    @Inject
    AuditLog audit;

    @Transactional
    public Appointment appoint(NewAppointment input) {
        String community = context.require();
        inputs.validate("input", input);
        OrgUnit unit = units.activeUnit(input.unitId(), "input.unitId");
        if (Person.findById(input.personId()) == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), input.personId());
        }
        Appointment appointment = new Appointment();
        appointment.unitId = unit.id;
        appointment.personId = input.personId();
        appointment.position = input.position();
        appointment.startOn = input.startOn() == null ? LocalDate.now() : input.startOn();
        appointment.publicContact = Boolean.TRUE.equals(input.publicContact());
        if (Appointment.count("unitId = ?1 and personId = ?2 and position = ?3 and endOn is null", unit.id,
                input.personId(), input.position()) > 0) {
            throw new ConflictException(Msg.of("organisation.appointment.personHoldsPositionUnit"));
        }
        appointment.persist();
        audit.record(community, "appointment.made", "appointment", appointment.id,
                Map.of("unit", unit.id, "person", input.personId(), "position", input.position().name()));
        return appointment;
    }

    @Transactional
    public Appointment end(Long id, LocalDate endOn) {
        Appointment appointment = lookup.require(Appointment.class, id, Msg.of("organisation.thing.appointment"));
        if (appointment.endOn != null) {
            throw new ConflictException(
                    Msg.of("organisation.appointment.appointmentEndedAlready", id, appointment.endOn));
        }
        LocalDate day = endOn == null ? LocalDate.now() : endOn;
        if (day.isBefore(appointment.startOn)) {
            throw ValidationFailedException.of("endOn",
                    Msg.of("organisation.appointment.mustNotBeforeStart", appointment.startOn));
        }
        appointment.endOn = day;
        audit.record(appointment.communityCode, "appointment.ended", "appointment", id, Map.of("on", day.toString()));
        return appointment;
    }

    /** Current appointments of each unit (only public contacts when {@code publicOnly}), in one query. */
    public List<List<Appointment>> currentOf(List<Long> unitIds, boolean publicOnly) {
        LocalDate today = LocalDate.now();
        Map<Long, List<Appointment>> byUnit = Appointment.<Appointment> list(
                "unitId in ?1 and startOn <= ?2 and (endOn is null or endOn > ?2)"
                        + (publicOnly ? " and publicContact = true" : "") + " order by position, id", unitIds, today)
                .stream().collect(Collectors.groupingBy(a -> a.unitId));
        return unitIds.stream().map(id -> byUnit.getOrDefault(id, List.of())).toList();
    }

    /** Every appointment of a person, past and current, oldest first. */
    public List<Appointment> history(Long personId) {
        context.require();
        if (personId == null || Person.findById(personId) == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), personId);
        }
        return Appointment.list("personId = ?1 order by startOn, id", personId);
    }

    /** People who hold current positions in units of different kinds at the same time; two queries in all. */
    public List<CrossAppointment> crossAppointed() {
        context.require();
        LocalDate today = LocalDate.now();
        List<Appointment> current = Appointment.list(
                "startOn <= ?1 and (endOn is null or endOn > ?1) order by personId, startOn", today);
        Map<Long, OrgUnit> unitById = units.byIds(current.stream().map(a -> a.unitId).collect(Collectors.toSet()));
        Map<Long, List<Appointment>> byPerson = current.stream()
                .collect(Collectors.groupingBy(a -> a.personId, LinkedHashMap::new, Collectors.toList()));
        List<CrossAppointment> result = new ArrayList<>();
        byPerson.forEach((person, appointments) -> {
            Set<OrgUnitKind> kinds = appointments.stream().map(a -> unitById.get(a.unitId).kind)
                    .collect(Collectors.toSet());
            if (kinds.size() >= 2) {
                result.add(new CrossAppointment(person, appointments));
            }
        });
        return result;
    }

    /** Names of people by id, in one query. */
    public Map<Long, String> names(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return Person.<Person> list("id in ?1", personIds).stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
    }
}
