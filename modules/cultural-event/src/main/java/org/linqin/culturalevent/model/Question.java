package org.linqin.culturalevent.model;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;

/** A question every registrant of an event answers, e.g. a child's age or a shirt size. Stored as JSON. */
@Type("EventQuestion")
@Input("EventQuestionInput")
@Description("A question asked at registration. 报名问题")
public record Question(
        @Description("Key of the answer, 1 to 40 of a-z, 0-9 and '_', unique in the event. 标识")
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "{event.question.key.format}") String key,
        @Description("The question as shown, e.g. 孩子年龄. 问题") @NotBlank @Size(max = 200) String label,
        @Description("Kind of answer. 答案类型") @NotNull QuestionKind kind,
        @Description("Must be answered (default false). 必答") Boolean required,
        @Description("The allowed answers of a CHOICE question, 2 to 20, each 1 to 100 characters. 选项") @Size(max = 20)
        List<String> choices) {

    public boolean mustAnswer() {
        return Boolean.TRUE.equals(required);
    }
}
