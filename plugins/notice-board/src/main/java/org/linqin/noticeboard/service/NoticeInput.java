package org.linqin.noticeboard.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("NoticeInput")
@Description("A notice to publish. 发布公告")
public record NoticeInput(
        @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
        @Description("Text. 正文") @NotBlank @Size(max = 10000) String body,
        @Description("Pin it to the top (within the community's `max-pinned` setting). 置顶") boolean pinned) {
}
