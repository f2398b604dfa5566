package org.linqin.core.people.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.people.model.Person;
import org.linqin.core.persistence.Lookup;

/** People's names for batched fields (a roster, a team), in one statement. */
@ApplicationScoped
public class PersonNames {

    @Inject
    Lookup lookup;

    /** The names of the people, in the order given (repeats allowed); null for an id the community lacks. */
    public List<String> inOrder(List<Long> personIds) {
        Map<Long, Person> byId = lookup.byIds(Person.class, personIds.stream().distinct().toList());
        return personIds.stream().map(id -> byId.containsKey(id) ? byId.get(id).name : null).toList();
    }
}
