package org.linqin.grid.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;

/** Inputs of the incident operations. */
public final class IncidentInputs {

    private IncidentInputs() {
    }

    @Name("IncidentInput")
    @Description("An incident to report. 上报事件")
    public record NewIncident(
            @Description("Category, one of the community's `categories` setting. 类别") @NotBlank @Size(max = 40) String category,
            @Description("What happened. 描述") @NotBlank @Size(max = 4000) String description,
            @Description("Building, if it happened in one. 楼栋") @Id Long buildingId,
            @Description("Unit of the building. 单元") @Size(max = 20) String unit,
            @Description("Named place, if it happened in one. 场所") @Id Long placeId,
            @Description("Photo URLs. 照片") @Size(max = 10) List<String> photoUrls) {
    }

    @Name("JointMeetingInput")
    @Description("A joint meeting (联席会议) on a level-2 incident. 联席会议")
    public record NewMeeting(
            @Description("When it was held. 时间") @NotNull OffsetDateTime heldAt,
            @Description("Parties invited. 参会方") @NotNull @Size(min = 1, max = 30) List<String> parties,
            @Description("Minutes. 会议纪要") @NotBlank @Size(max = 8000) String minutes,
            @Description("Decisions. 决定事项") @NotBlank @Size(max = 4000) String decisions,
            @Description("Assigned actions. 分工") @Size(max = 30) List<String> actions) {
    }

    @Name("SummonsInput")
    @Description("A department summoned by the whistle, with its due date. 吹哨部门")
    public record NewSummons(
            @Description("Department, e.g. 城管, 消防. 部门") @NotBlank @Size(max = 200) String department,
            @Description("Date its response is due. 响应期限") @NotNull LocalDate dueOn) {
    }

    @Name("WhistleInput")
    @Description("Blowing the whistle (吹哨) on a level-3 incident: departments summoned. 吹哨报到")
    public record NewWhistle(
            @Description("Departments summoned. 部门") @NotNull @Size(min = 1, max = 20) List<@Valid NewSummons> departments,
            @Description("Note. 说明") @Size(max = 4000) String note) {
    }
}
