package org.linqin.culturalevent.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.QuestionKind;
import org.linqin.culturalevent.service.EventInputs.Answer;

class AnswersTest {

    static final Question AGE = new Question("child_age", "孩子年龄", QuestionKind.NUMBER, true, null);
    static final Question SHIRT = new Question("shirt", "尺码", QuestionKind.CHOICE, false, List.of("S", "M", "L"));
    static final Question NOTE = new Question("note", "备注", QuestionKind.TEXT, null, null);
    static final List<Question> QUESTIONS = List.of(AGE, SHIRT, NOTE);

    @Test
    void answersAreKeptTrimmedInTheQuestionsOrder() {
        assertThat(Answers.check(QUESTIONS, List.of(new Answer("shirt", "M"), new Answer("child_age", " 7 "))))
                .containsExactly(java.util.Map.entry("child_age", "7"), java.util.Map.entry("shirt", "M"));
    }

    @Test
    void aRequiredQuestionMustBeAnswered() {
        assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("shirt", "M"))))
                .isInstanceOf(ValidationFailedException.class).hasMessageContaining("child_age");
        assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("child_age", "  "))))
                .isInstanceOf(ValidationFailedException.class);
    }

    @Test
    void numbersChoicesAndKeysAreChecked() {
        for (String bad : List.of("seven", "-1", "1.5", "10000000")) {
            assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("child_age", bad))))
                    .as(bad).isInstanceOf(ValidationFailedException.class);
        }
        assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("child_age", "7"),
                new Answer("shirt", "XXL")))).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("child_age", "7"),
                new Answer("pet", "cat")))).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> Answers.check(QUESTIONS, List.of(new Answer("child_age", "7"),
                new Answer("child_age", "8")))).isInstanceOf(ValidationFailedException.class);
        assertThat(Answers.check(QUESTIONS, List.of(new Answer("child_age", "1000000")))).containsKey("child_age");
    }

    @Test
    void questionsNeedDistinctKeysAndChoiceQuestionsTwoChoices() {
        assertThat(Answers.checkQuestions(QUESTIONS)).isEmpty();
        assertThat(Answers.checkQuestions(List.of(AGE, AGE))).hasSize(1);
        assertThat(Answers.checkQuestions(List.of(new Question("s", "尺码", QuestionKind.CHOICE, false,
                List.of("M"))))).hasSize(1);
        assertThat(Answers.checkQuestions(List.of(new Question("s", "尺码", QuestionKind.CHOICE, false,
                List.of("M", "M"))))).hasSize(1);
        assertThat(Answers.checkQuestions(List.of(new Question("s", "尺码", QuestionKind.CHOICE, false,
                java.util.Arrays.asList("M", null))))).hasSize(1);
        assertThat(Answers.checkQuestions(List.of(new Question("n", "备注", QuestionKind.TEXT, false,
                List.of("a", "b"))))).hasSize(1);
    }
}
