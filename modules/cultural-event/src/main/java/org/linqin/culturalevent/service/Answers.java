package org.linqin.culturalevent.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.graphql.ValidationFailedException.FieldError;
import org.linqin.core.i18n.Msg;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.QuestionKind;
import org.linqin.culturalevent.service.EventInputs.Answer;

/** The rules of registration questions and their answers. */
final class Answers {

    static final int MAX_NUMBER = 1_000_000;

    private Answers() {
    }

    /** The problems of an event's questions: keys unique, CHOICE questions with 2 to 20 distinct choices. */
    static List<FieldError> checkQuestions(List<Question> questions) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String field = "input.questions[" + i + "]";
            if (!keys.add(q.key())) {
                errors.add(new FieldError(field + ".key", Msg.of("event.answers.appearsTwice", q.key())));
            }
            List<String> choices = q.choices() == null ? List.of() : q.choices();
            if (choices.stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 100)) {
                errors.add(new FieldError(field + ".choices", Msg.of("event.answers.eachChoiceCharacters")));
            } else if (q.kind() == QuestionKind.CHOICE) {
                if (choices.size() < 2 || Set.copyOf(choices).size() != choices.size()) {
                    errors.add(new FieldError(field + ".choices", Msg.of("event.answers.choiceQuestionNeedsDistinct")));
                }
            } else if (!choices.isEmpty()) {
                errors.add(new FieldError(field + ".choices", Msg.of("event.answers.onlyChoiceQuestionsHave")));
            }
        }
        return errors;
    }

    /**
     * The answers as stored, by key, in the questions' order.
     *
     * @throws ValidationFailedException for an unknown or repeated key, a required question left out, a number that
     *         is not one, a choice that is not offered
     */
    static Map<String, String> check(List<Question> questions, List<Answer> given) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Answer answer : given) {
            if (questions.stream().noneMatch(q -> q.key().equals(answer.key()))) {
                errors.add(new FieldError("input.answers", Msg.of("event.answers.noQuestionHasKey", answer.key())));
            } else if (byKey.put(answer.key(), answer.value().strip()) != null) {
                errors.add(new FieldError("input.answers", Msg.of("event.answers.answeredTwice", answer.key())));
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        for (Question q : questions) {
            String value = byKey.get(q.key());
            if (value == null || value.isEmpty()) {
                if (q.mustAnswer()) {
                    errors.add(new FieldError("input.answers",
                            Msg.of("event.answers.mustAnswered", q.key(), q.label())));
                }
                continue;
            }
            if (q.kind() == QuestionKind.NUMBER && !isNumber(value)) {
                errors.add(new FieldError("input.answers",
                        Msg.of("event.answers.mustWholeNumber", q.key(), MAX_NUMBER)));
            } else if (q.kind() == QuestionKind.CHOICE && !q.choices().contains(value)) {
                errors.add(new FieldError("input.answers", Msg.of("event.answers.mustOne", q.key(), q.choices())));
            } else {
                stored.put(q.key(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return stored;
    }

    private static boolean isNumber(String value) {
        if (value.isEmpty() || value.length() > 7 || !value.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(value) <= MAX_NUMBER;
    }
}
