package org.linqin.core.community.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of named public place it is. 公共场所类型")
public enum PlaceKind {
    @Description("An open square where events happen, e.g. a Linqin Square. 广场")
    SQUARE,
    @Description("The party-mass service centre, which holds bookable rooms. 党群服务中心")
    SERVICE_CENTRE,
    @Description("A park or green space. 公园/绿地")
    PARK,
    @Description("Any other named place. 其他")
    OTHER
}
