package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EventAgeGroup")
@Description("An age group an event or ticket is meant for. 年龄段")
public enum AgeGroup {
    @Description("Everyone. 全年龄")
    ALL_AGES,
    @Description("Children under 12. 儿童")
    CHILDREN,
    @Description("12 to 17. 青少年")
    TEENAGERS,
    @Description("18 to 59. 成人")
    ADULTS,
    @Description("60 and over. 老年")
    SENIORS,
    @Description("Parents with children together. 亲子家庭")
    FAMILIES
}
