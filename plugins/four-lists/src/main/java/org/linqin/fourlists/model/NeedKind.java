package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("MicroProjectNeedKind")
@Description("What a micro project needs. 需求类型")
public enum NeedKind {
    @Description("Money, in yuan. 资金（元）")
    MONEY,
    @Description("Labour, in person-days. 人力（人天）")
    LABOUR,
    @Description("Materials, in items. 物资（件）")
    MATERIALS,
    @Description("A venue, in times. 场地（次）")
    VENUE
}
