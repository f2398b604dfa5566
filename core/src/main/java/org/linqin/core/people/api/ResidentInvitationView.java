package org.linqin.core.people.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.people.service.ResidentInvitations;

@Name("ResidentInvitation")
@Description("A one-time invitation code for a person record, to hand to the resident. 居民认证邀请码")
public record ResidentInvitationView(
        @NonNull @Description("The code, shown this once (only its hash is kept): 12 characters in groups of four; "
                + "case, spaces and hyphens do not matter when it is redeemed. 邀请码") String code,
        @Id @NonNull @Description("The person record it opens. 人员编号") Long personId,
        @NonNull @Description("Code of the community. 社区") String community,
        @NonNull @Description("After this it no longer works. 失效时间") OffsetDateTime expiresAt) {

    public static ResidentInvitationView of(ResidentInvitations.Issued issued) {
        return new ResidentInvitationView(issued.code(), issued.invitation().personId,
                issued.invitation().communityCode, issued.invitation().expiresAt);
    }
}
