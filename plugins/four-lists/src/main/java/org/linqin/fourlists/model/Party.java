package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("GovernanceParty")
@Description("The parties of the three networks that take on tasks and claim projects. 责任方")
public enum Party {
    @Description("The community (party committee, residents' committee). 社区")
    COMMUNITY,
    @Description("The property company. 物业")
    PROPERTY,
    @Description("The owners' committee. 业委会")
    OWNERS_COMMITTEE,
    @Description("A partner unit: school, city management, co-building unit. 共建单位")
    PARTNER
}
