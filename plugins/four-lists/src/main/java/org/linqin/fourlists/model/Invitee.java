package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/**
 * Who is invited to a meeting: the residents of a building or grid, the holders of a community role, or the members of
 * an organisation unit (named; the unit's people are not resolved). Exactly one of the fields is given.
 */
@Type("DeliberationInvitee")
@Input("DeliberationInviteeInput")
@Description("Who is invited: the residents of a building or grid, a role, or an organisation unit; exactly one. 参会对象")
public record Invitee(
        @Description("Residents of this building. 楼栋") @Id Long buildingId,
        @Description("Residents of this grid's buildings (grid module). 网格") @Id Long gridId,
        @Description("Holders of this community role, e.g. owners-committee. 角色") String role,
        @Description("An organisation unit (organisation module), e.g. the property company. 组织") @Id Long unitId,
        @Description("Its name, filled in by the server. 名称") String name) {
}
