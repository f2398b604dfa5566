package org.linqin.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.module.LinqinModule;
import org.linqin.organisation.service.OrganisationDemoData;

/**
 * Descriptor of the organisation module (组织): the five-level party-building axis, partner organisations,
 * positions and cross-appointments, party members and the big visit, co-construction agreements.
 */
@ApplicationScoped
public class OrganisationModule implements LinqinModule {

    public static final String ID = "organisation";

    @Inject
    OrganisationDemoData demo;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Organisation";
    }

    @Override
    public String nameZh() {
        return "组织";
    }

    @Override
    public String description() {
        return "Who is who in a community: the five-level party-building axis, partner organisations, positions and "
                + "cross-appointments, party members, household visits and co-construction agreements.";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public void seedDemoData(String communityCode) {
        demo.seed();
    }
}
