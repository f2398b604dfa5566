package org.linqin.core.community.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.core.community.model.PlaceKind;

/** Inputs of the community operations, with their rules. */
public final class CommunityInputs {

    private CommunityInputs() {
    }

    @Name("CommunityInput")
    @Description("A new community. 新建社区")
    public record NewCommunity(
            @Description("Permanent code: lower-case letters, digits and hyphens, e.g. `changqing-6`. 社区代码")
            @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "{core.community.code.format}") String code,
            @Description("Name. 名称") @NotBlank @Size(max = 200) String name,
            @Description("District or street the community belongs to. 所属区/街道") @Size(max = 200) String district,
            @Description("IANA time zone; default Asia/Shanghai. 时区") @Size(max = 64) String timeZone,
            @Description("Date the community was founded. 成立日期") LocalDate foundedOn) {
    }

    @Name("CommunityUpdateInput")
    @Description("Changes to a community; fields left null stay as they are. 修改社区")
    public record CommunityChanges(
            @Description("Name. 名称") @Size(min = 1, max = 200) String name,
            @Description("District or street. 所属区/街道") @Size(max = 200) String district,
            @Description("IANA time zone. 时区") @Size(max = 64) String timeZone,
            @Description("Date founded. 成立日期") LocalDate foundedOn,
            @Description("The version you read; the change is refused with CONFLICT if it moved on. 版本") Integer expectedVersion) {
    }

    @Name("CompoundInput")
    @Description("A residential compound's data. 小区信息")
    public record CompoundData(
            @Description("Name, unique in the community. 名称") @NotBlank @Size(max = 200) String name,
            @Description("Handover date. 交付日期") LocalDate deliveredOn,
            @Description("Free description. 描述") @Size(max = 2000) String description,
            @Description("On update: the version you read. 版本") Integer expectedVersion) {
    }

    @Name("BuildingInput")
    @Description("A building's data. 楼栋信息")
    public record BuildingData(
            @Description("Id of the compound it stands in. 所属小区") @Id @NotNull Long compoundId,
            @Description("Name, unique in the compound, e.g. `3栋`. 名称") @NotBlank @Size(max = 100) String name,
            @Description("Unit names in order, e.g. [`1单元`, `2单元`]. 单元") @NotNull @Size(max = 50) List<@NotBlank @Size(max = 20) String> units,
            @Description("Number of floors. 楼层数") @Min(1) @Max(200) Integer floors,
            @Description("On update: the version you read. 版本") Integer expectedVersion) {
    }

    @Name("PlaceInput")
    @Description("A named public place's data. 公共场所信息")
    public record PlaceData(
            @Description("Name, unique in the community. 名称") @NotBlank @Size(max = 200) String name,
            @Description("Kind of place. 类型") @NotNull PlaceKind kind,
            @Description("Id of the compound it lies in, or null for the whole community. 所属小区") @Id Long compoundId,
            @Description("Address. 地址") @Size(max = 500) String address,
            @Description("Free description. 描述") @Size(max = 2000) String description,
            @Description("On update: the version you read. 版本") Integer expectedVersion) {
    }
}
