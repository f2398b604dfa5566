package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("CulturalEventVisibility")
@Description("Who sees an event. 可见范围")
public enum Visibility {
    @Description("Anyone, members of other communities and visitors without a login included. 公开")
    PUBLIC,
    @Description("Members of the community only. 仅本社区")
    MEMBERS
}
