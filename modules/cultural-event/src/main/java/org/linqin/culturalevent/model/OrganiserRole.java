package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EventOrganiserRole")
@Description("How an organisation takes part in an event. 主办角色")
public enum OrganiserRole {
    @Description("Host. 主办")
    HOST,
    @Description("Co-host. 联办")
    CO_HOST,
    @Description("Co-organiser. 协办")
    CO_ORGANISER
}
