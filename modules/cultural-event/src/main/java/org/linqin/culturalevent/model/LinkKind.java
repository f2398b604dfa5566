package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** What an {@link EventLink} points at. */
@Name("CulturalEventLinkKind")
@Description("What an event is linked to in a neighbouring module. 关联类型")
public enum LinkKind {
    @Description("A steward shift of a volunteer team (volunteer-team module); targetId is the shift. 保障班次")
    STEWARD_SHIFT,
    @Description("An incident reported during the event (grid module); targetId is the incident. 事件上报")
    INCIDENT
}
