package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("CulturalEventCategory")
@Description("What kind of event it is. 活动类别")
public enum EventCategory {
    @Description("A festival of several days or parts, e.g. 邻亲邻里文化节. 文化节")
    FESTIVAL,
    @Description("Sports, e.g. 睦邻运动会. 体育")
    SPORTS,
    @Description("Performances, exhibitions, crafts. 文艺")
    CULTURE,
    @Description("A lecture or course. 讲座")
    LECTURE,
    @Description("Parent-child activities. 亲子")
    PARENT_CHILD,
    @Description("A public-service activity. 公益")
    VOLUNTEERING,
    @Description("Anything else. 其他")
    OTHER
}
