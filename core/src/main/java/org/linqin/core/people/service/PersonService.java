package org.linqin.core.people.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.Edge;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;

/**
 * People of the addressed community. Privacy rules live here: who sees a phone in full, and the audit line for
 * every full record that staff read.
 */
@ApplicationScoped
public class PersonService {

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    /** The caller's own record in the addressed community, or null when they have none there. */
    public VisiblePerson me() {
        if (caller.isAnonymous() || context.addressed().isEmpty()) {
            return null;
        }
        return ownRecord.find().map(person -> new VisiblePerson(person, person.phone, true)).orElse(null);
    }

    /** Staff only (enforced by the API); full records are audited, one line per person shown. */
    @Transactional
    public Connection<VisiblePerson> list(PageRequest page, String nameContains) {
        context.require();
        Connection<Person> people = nameContains == null || nameContains.isBlank()
                ? pagination.page(Person.class, null, Map.of(), page, p -> p)
                : pagination.page(Person.class, "lower(e.name) like :name",
                        Map.of("name", "%" + nameContains.trim().toLowerCase() + "%"), page, p -> p);
        List<Edge<VisiblePerson>> edges = people.edges().stream()
                .map(edge -> new Edge<>(edge.cursor(), visible(edge.node()))).toList();
        return new Connection<>(edges, people.pageInfo(), people.totalCount());
    }

    /** Staff, or the person themselves. */
    @Transactional
    public VisiblePerson find(Long id) {
        context.require();
        Person person = id == null ? null : Person.findById(id);
        if (!caller.hasAnyRole(Roles.STAFF) && (person == null || !isSelf(person))) {
            // decided before NOT_FOUND, so that non-staff cannot probe which ids exist
            throw new ForbiddenException(Msg.of("core.person.onlyStaffCommunityPerson"));
        }
        if (person == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), id);
        }
        return visible(person);
    }

    @Transactional
    public VisiblePerson create(PersonInput input) {
        String community = context.require();
        inputs.validate("input", input);
        Person person = new Person();
        apply(person, input);
        person.persist();
        audit.record(community, "person.created", "person", person.id, Map.of());
        return new VisiblePerson(person, person.phone, true);
    }

    @Transactional
    public VisiblePerson update(Long id, PersonInput input) {
        inputs.validate("input", input);
        Person person = lookup.require(Person.class, id, Msg.of("core.thing.person"));
        InputValidator.checkVersion(input.expectedVersion(), person.version, Msg.of("core.thing.person2", id));
        apply(person, input);
        audit.record(person.communityCode, "person.updated", "person", id, Map.of());
        return new VisiblePerson(person, person.phone, true);
    }

    /** Buildings by id in one query (ids of other communities find nothing). */
    public Map<Long, Building> buildingsById(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Building.<Building> list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.id, b -> b));
    }

    private VisiblePerson visible(Person person) {
        if (isSelf(person)) {
            return new VisiblePerson(person, person.phone, true);
        }
        if (caller.hasAnyRole(Roles.SEE_FULL_CONTACTS)) {
            audit.record(person.communityCode, "person.read-full", "person", person.id, Map.of());
            return new VisiblePerson(person, person.phone, true);
        }
        return new VisiblePerson(person, PhoneMask.mask(person.phone), false);
    }

    private boolean isSelf(Person person) {
        return person.subject != null && person.subject.equals(caller.subject());
    }

    private void apply(Person person, PersonInput input) {
        person.name = input.name().trim();
        person.phone = input.phone();
        person.building = null;
        if (input.buildingId() != null) {
            Building building = Building.findById(input.buildingId());
            if (building == null) {
                throw new NotFoundException(Msg.of("core.thing.building"), input.buildingId());
            }
            if (input.unit() != null && !building.units.contains(input.unit())) {
                throw ValidationFailedException.of("input.unit",
                        Msg.of("core.person.notUnitBuildingHas", building.name, building.units));
            }
            person.building = building;
        } else if (input.unit() != null || input.household() != null) {
            throw ValidationFailedException.of("input.buildingId", Msg.of("core.person.requiredWhenUnitHousehold"));
        }
        person.unit = input.unit();
        person.household = input.household();
    }
}
