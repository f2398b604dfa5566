package org.linqin.organisation.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.model.Position;

/** Inputs of the organisation operations, with their rules. */
public final class OrgInputs {

    private OrgInputs() {
    }

    @Name("OrgUnitInput")
    @Description("A new organisation unit. 新建组织")
    public record NewUnit(
            @Description("Name. 名称") @NotBlank @Size(max = 200) String name,
            @Description("Kind; decides which parent it needs. 类型") @NotNull OrgUnitKind kind,
            @Description("Parent unit: required for levels 2–5 and two-new branches, empty otherwise. 上级组织") @Id Long parentId,
            @Description("Compound a partner organisation serves; empty for the whole community. 服务小区") @Id Long compoundId,
            @Description("Building of a party-member household. 所在楼栋") @Id Long buildingId,
            @Description("Unit of that building. 单元") @Size(max = 20) String unit,
            @Description("Household number. 户") @Size(max = 20) String household,
            @Description("Nearby households a party-member household serves, e.g. `1单元-302`. 联系户") @Size(max = 50) List<String> servedHouseholds,
            @Description("Public office phone of the unit (never a person's). 办公电话") @Pattern(regexp = "\\+?[0-9-]{5,20}", message = "{organisation.unit.contactPhone.format}") String contactPhone) {
    }

    @Name("AppointmentInput")
    @Description("An appointment of a person to a position in a unit. 任职")
    public record NewAppointment(
            @Description("The unit. 组织") @Id @NotNull Long unitId,
            @Description("The person. 人员") @Id @NotNull Long personId,
            @Description("The position. 职务") @NotNull Position position,
            @Description("First day; default today. 起始日期") LocalDate startOn,
            @Description("Listed in the public directory (name and position only); default false. 公开联系人") Boolean publicContact) {
    }

    @Name("HouseholdVisitInput")
    @Description("A household visit of the big visit (大走访). 入户走访")
    public record NewVisit(
            @Description("Who visited. 走访人") @Id @NotNull Long visitorPersonId,
            @Description("Building visited. 楼栋") @Id @NotNull Long buildingId,
            @Description("Unit. 单元") @Size(max = 20) String unit,
            @Description("Household. 户") @NotBlank @Size(max = 20) String household,
            @Description("When; default now. 走访时间") OffsetDateTime visitedAt,
            @Description("Outcome notes. 走访情况") @NotBlank @Size(max = 4000) String outcome) {
    }

    @Name("AgreementPartyInput")
    @Description("A party of a co-construction agreement and its commitments. 协议方")
    public record PartyInput(
            @Description("The unit; give a unit or a team. 组织") @Id Long unitId,
            @Description("A volunteer team instead of a unit (volunteer-team module). 志愿服务队") @Id Long teamId,
            @Description("What it shares and does. 承诺事项") @NotBlank @Size(max = 4000) String commitments) {
    }

    @Name("AgreementInput")
    @Description("A co-construction agreement (共建协议). 共建协议")
    public record NewAgreement(
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("Parties, at least two, each once. 协议各方") @NotNull @Size(min = 2, max = 20) List<@Valid @NotNull PartyInput> parties) {
    }
}
