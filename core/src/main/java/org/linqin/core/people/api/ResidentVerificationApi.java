package org.linqin.core.people.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.people.api.ResidentVerificationView.ResidentVerificationStatus;
import org.linqin.core.people.model.ResidentVerification.Status;
import org.linqin.core.people.service.ResidentInvitations;
import org.linqin.core.people.service.ResidentVerificationService;
import org.linqin.core.security.OwnAccount;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;

import io.quarkus.security.Authenticated;

/**
 * Resident verification (居民认证). The user's own operations are open to any signed-in caller, member of the
 * addressed community or not: they are how a newcomer becomes one. Staff who may see phone numbers in full decide.
 */
@GraphQLApi
public class ResidentVerificationApi {

    @Inject
    ResidentVerificationService verifications;

    @Inject
    ResidentInvitations invitations;

    @Inject
    CommunityContext context;

    @Name("ResidentUnlinked")
    @Description("A person record no longer linked to a login. 已解除居民绑定")
    public record ResidentUnlinkedView(
            @Id @NonNull @Description("Id of the person. 人员编号") Long personId,
            @NonNull @Description("Code of the community. 社区") String community) {
    }

    @OwnAccount
    @Authenticated
    @Mutation
    @Description("Asks to be recognised as a resident of the addressed community by the phone number WeChat confirms: "
            + "send the code of the mini-program's phone-number button (`getPhoneNumber`); the server exchanges it. "
            + "When the number belongs to exactly one person record without a login, the caller is linked to it at "
            + "once and holds `resident` from their next token; otherwise the request waits for staff (PENDING). "
            + "Any signed-in caller. Refused with VALIDATION_FAILED (phoneCode) for a code WeChat refuses, CONFLICT "
            + "with reason ALREADY_RESIDENT or PENDING, UNAVAILABLE when WeChat or the identity server cannot be "
            + "reached (nothing changed). Audited. 手机号认证居民")
    public ResidentVerificationView verifyResidentByPhone(
            @NonNull @Description("The code from `getPhoneNumber` (single use, valid for 5 minutes).") String phoneCode) {
        return ResidentVerificationView.of(verifications.verifyByPhone(phoneCode));
    }

    @OwnAccount
    @Authenticated
    @Mutation
    @Description("Redeems a one-time invitation code from the staff of the addressed community: the caller becomes the "
            + "resident of the person record it was issued for, and holds `resident` from their next token. Any "
            + "signed-in caller. Refused with VALIDATION_FAILED (code) and reason UNKNOWN, USED, REPLACED or EXPIRED "
            + "(each counts as a failed attempt), RATE_LIMITED with reason TOO_MANY_ATTEMPTS after too many failed "
            + "attempts, CONFLICT with reason ALREADY_RESIDENT or PERSON_LINKED. Audited. 邀请码认证居民")
    public ResidentVerificationView redeemResidentInvitation(
            @NonNull @Description("The invitation code; case, spaces and hyphens do not matter.") String code) {
        return ResidentVerificationView.of(invitations.redeem(code));
    }

    @OwnAccount
    @Authenticated
    @Query
    @Description("The caller's own resident verifications, in every community, oldest first. Any signed-in caller; "
            + "needs no X-Community. 我的居民认证")
    public Connection<ResidentVerificationView> myResidentVerifications(
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return verifications.mine(PageRequest.of(first, after)).map(ResidentVerificationView::of);
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Resident verifications of the addressed community, oldest first. Community admins, committee "
            + "members and grid workers (the staff who may see phone numbers in full); each confirmed phone number "
            + "shown is audited. 居民认证列表")
    public Connection<ResidentVerificationView> residentVerifications(
            @Description("Only those in this state, e.g. PENDING.") ResidentVerificationStatus status,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return verifications.list(status == null ? null : Status.valueOf(status.name()), PageRequest.of(first, after))
                .map(ResidentVerificationView::of);
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Issues a one-time invitation code for a person record without a login, to hand to the resident; "
            + "earlier unused codes for that person stop working. Valid for 7 days (configurable). CONFLICT with "
            + "reason PERSON_LINKED when the record already has a login. Verifying staff; audited. 生成居民邀请码")
    public ResidentInvitationView issueResidentInvitation(@NonNull @Id @Description("The person.") Long personId) {
        return ResidentInvitationView.of(invitations.issue(personId));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Approves a pending verification, linking the user to a person record without a login and granting "
            + "`resident` in the identity server. CONFLICT with reason NOT_PENDING, PERSON_LINKED or ALREADY_RESIDENT; "
            + "UNAVAILABLE (nothing changed) when the identity server cannot be reached. Verifying staff; audited. "
            + "通过居民认证")
    public ResidentVerificationView approveResidentVerification(
            @NonNull @Id @Description("The verification.") Long id,
            @NonNull @Id @Description("The person record the user is the resident of.") Long personId) {
        return ResidentVerificationView.of(verifications.approve(id, personId));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Rejects a pending verification, saying why (the user reads it). CONFLICT with reason NOT_PENDING. "
            + "Verifying staff; audited. 驳回居民认证")
    public ResidentVerificationView rejectResidentVerification(@NonNull @Id @Description("The verification.") Long id,
            @NonNull @Description("Why, up to 500 characters.") String reason) {
        return ResidentVerificationView.of(verifications.reject(id, reason));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER })
    @Description("Unlinks a person record from its login: takes `resident` of the addressed community away in the "
            + "identity server (from the user's next token) and clears the link, so the record can be verified again. "
            + "Other roles the user holds are appointments and stay until revoked. VALIDATION_FAILED (personId) when "
            + "the record has no login. Verifying staff; audited. 解除居民绑定")
    public ResidentUnlinkedView unlinkResident(@NonNull @Id @Description("The person.") Long personId) {
        return new ResidentUnlinkedView(verifications.unlink(personId).id, context.require());
    }
}
