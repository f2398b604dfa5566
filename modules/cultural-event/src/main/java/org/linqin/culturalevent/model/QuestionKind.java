package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EventQuestionKind")
@Description("What kind of answer a registration question takes. 答案类型")
public enum QuestionKind {
    @Description("Free text, at most 500 characters. 文本")
    TEXT,
    @Description("A whole number, 0 to 1000000, e.g. an age. 数字")
    NUMBER,
    @Description("One of the question's choices, e.g. a shirt size. 单选")
    CHOICE
}
