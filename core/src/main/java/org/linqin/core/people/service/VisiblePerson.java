package org.linqin.core.people.service;

import org.linqin.core.people.model.Person;

/** A person as the caller may see them: the phone is already masked unless the caller may see it in full. */
public record VisiblePerson(Person person, String phone, boolean fullRecord) {
}
