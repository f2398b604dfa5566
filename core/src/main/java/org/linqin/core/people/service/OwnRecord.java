package org.linqin.core.people.service;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;

/** The caller's own person record in the addressed community, looked up once per request. */
@RequestScoped
public class OwnRecord {

    @Inject
    Caller caller;

    @Inject
    CommunityContext context;

    private Optional<Person> record;

    /** Empty for anonymous callers and for callers without a record in the addressed community. */
    public Optional<Person> find() {
        if (record == null) {
            context.require();
            record = caller.isAnonymous() ? Optional.empty()
                    : Optional.ofNullable(Person.findBySubject(caller.subject()));
        }
        return record;
    }

    /** The record, or FORBIDDEN saying what needs one, e.g. "Bookings are made". */
    public Person require(Msg whatNeedsIt) {
        return find().orElseThrow(() -> new ForbiddenException(
                Msg.of("core.ownRecord.peopleCommunityYouHave", whatNeedsIt)));
    }
}
