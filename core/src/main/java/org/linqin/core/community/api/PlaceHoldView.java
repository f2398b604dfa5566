package org.linqin.core.community.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.community.model.PlaceHold;

@Name("PlaceHold")
@Description("A time a named place is held (e.g. a square for an event); no two holds of a place overlap. 场所占用")
public record PlaceHoldView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @Id @NonNull @Description("The place. 场所") Long placeId,
        @NonNull @Description("From. 开始") OffsetDateTime startsAt,
        @NonNull @Description("Until. 结束") OffsetDateTime endsAt,
        @NonNull @Description("What for, e.g. the event and its part. 用途") String purpose) {

    public static PlaceHoldView of(PlaceHold h) {
        return new PlaceHoldView(h.id, h.placeId, h.startsAt, h.endsAt, h.purpose);
    }
}
