package org.linqin.core.people.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Me")
@Description("The caller as the server sees them in this request. 当前用户")
public record MeView(
        @Description("Subject id at the identity server. 账号标识") String subject,
        @Description("User name. 用户名") String username,
        @Description("The community this request addresses, if any. 当前社区") String community,
        @Description("Roles in force for this request: platform roles and those held in the addressed community. 角色") @NonNull List<@NonNull String> roles,
        @Description("Codes of the communities the caller holds roles in. 所属社区") @NonNull List<@NonNull String> communities,
        @Description("The caller's own person record in the addressed community, if any. 本人档案") PersonView person) {
}
