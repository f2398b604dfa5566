package org.linqin.core.people.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.people.model.ResidentVerification;

@Name("ResidentVerification")
@Description("A user's request to be recognised as a resident of a community, and what came of it. 居民认证")
public record ResidentVerificationView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Code of the community. 社区") String community,
        @NonNull @Description("How the user asked. 认证方式") ResidentVerificationMethod method,
        @NonNull @Description("Where the request stands. 状态") ResidentVerificationStatus status,
        @NonNull @Description("The user's name at the identity server (e.g. `wechat-…` for WeChat users). 申请人")
        String applicant,
        @Description("The phone number WeChat confirmed (phone requests only); staff match it to a person record. "
                + "Shown to the user and to staff who may see phone numbers in full (audited). 微信确认的手机号")
        String phone,
        @Id @Description("The person record the user is (or was) the resident of; null until verified. 对应人员编号")
        Long personId,
        @NonNull @Description("When the user asked. 申请时间") OffsetDateTime requestedAt,
        @Description("When it was verified or rejected. 处理时间") OffsetDateTime decidedAt,
        @Description("Why staff rejected it. 驳回理由") String rejectionReason) {

    public static ResidentVerificationView of(ResidentVerification v) {
        return new ResidentVerificationView(v.id, v.communityCode, ResidentVerificationMethod.valueOf(v.method.name()),
                ResidentVerificationStatus.valueOf(v.status.name()), v.applicant, v.phone, v.personId, v.requestedAt,
                v.decidedAt, v.reason);
    }

    @Description("How a user asked to be recognised as a resident. 认证方式")
    public enum ResidentVerificationMethod {
        @Description("The phone number WeChat confirmed. 微信手机号")
        PHONE,
        @Description("A one-time invitation code from staff. 邀请码")
        INVITATION
    }

    @Description("Where a resident verification stands. 认证状态")
    public enum ResidentVerificationStatus {
        @Description("Waiting for staff: the phone matched no free person record, or several. 待审核")
        PENDING,
        @Description("Linked to a person record; the user holds `resident` in the community. 已认证")
        VERIFIED,
        @Description("Staff rejected it. 已驳回")
        REJECTED,
        @Description("Was verified; staff have since unlinked the person record. 已解除")
        UNLINKED
    }
}
