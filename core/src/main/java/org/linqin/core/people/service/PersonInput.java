package org.linqin.core.people.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Id;

@Name("PersonInput")
@Description("A person's record. 人员信息")
public record PersonInput(
        @Description("Full name. 姓名") @NotBlank @Size(max = 100) String name,
        @Description("Mobile phone, digits with an optional leading +. 手机号") @Pattern(regexp = "\\+?[0-9]{5,15}", message = "{core.person.phone.format}") String phone,
        @Description("Id of the building they live in. 所住楼栋") @Id Long buildingId,
        @Description("Unit of that building, one of its unit names. 单元") @Size(max = 20) String unit,
        @Description("Household within the unit, e.g. `302`. 户") @Size(max = 20) String household,
        @Description("On update: the version you read. 版本") Integer expectedVersion) {
}
