package org.linqin.noticeboard.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.noticeboard.model.Notice;

@Name("Notice")
@Description("A notice of the community (社区公告), from the notice-board plugin.")
public record NoticeView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Title. 标题") String title,
        @NonNull @Description("Text. 正文") String body,
        @Description("Pinned to the top. 是否置顶") boolean pinned,
        @NonNull @Description("Signature under the notice. 落款") String signature,
        @NonNull @Description("When it was published. 发布时间") OffsetDateTime publishedAt) {

    public static NoticeView of(Notice n) {
        return new NoticeView(n.id, n.title, n.body, n.pinned, n.signature, n.publishedAt);
    }
}
