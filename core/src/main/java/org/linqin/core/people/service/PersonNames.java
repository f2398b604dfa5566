package org.linqin.core.people.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.core.people.model.Person;

/** People's names for batched fields (a roster, a team), in one statement. */
@ApplicationScoped
public class PersonNames {

    /** The names of the people, in the order given (repeats allowed); null for an id the community lacks. */
    public List<String> inOrder(List<Long> personIds) {
        Map<Long, String> byId = new HashMap<>();
        List<Long> distinct = personIds.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            Person.<Person> list("id in ?1", distinct).forEach(p -> byId.put(p.id, p.name));
        }
        return personIds.stream().map(byId::get).toList();
    }
}
