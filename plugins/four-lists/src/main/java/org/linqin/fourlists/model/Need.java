package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** One need of a micro project and how much of it: e.g. MONEY 3000 (yuan) for the paint. */
@Type("MicroProjectNeed")
@Input("MicroProjectNeedInput")
@Description("A need of a micro project and how much: MONEY in yuan, LABOUR in person-days, MATERIALS in items, VENUE "
        + "in times. 项目需求")
public record Need(
        @Description("Kind. 类型") NeedKind kind,
        @Description("What for, e.g. 涂料. 说明") String description,
        @Description("How much, 1 to 10000000. 数量") int quantity) {
}
