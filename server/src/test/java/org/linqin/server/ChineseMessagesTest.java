package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Messages in the language of {@code Accept-Language}: Simplified Chinese or English (the default), the same codes and
 * reasons in both, and never a Java type, a regular expression or a library's classification in any message.
 */
@QuarkusTest
class ChineseMessagesTest {

    private static final String BAD_PHONE = "mutation { createPerson(input: {name: \"新居民\", phone: \"call me\"}) { id } }";
    private static final String MISSING_BUILDING = "{ building(id: \"987654321\") { id name } }";

    @Test
    void theSameFailureSpeaksTheLanguageAskedForWithTheSameCodes() {
        JsonPath zh = gql("community-admin", "zh-CN", MISSING_BUILDING, Map.of());
        JsonPath en = gql("community-admin", "en", MISSING_BUILDING, Map.of());
        assertThat(zh.getString("errors[0].message")).isEqualTo("未找到楼栋“987654321”");
        assertThat(en.getString("errors[0].message")).isEqualTo("Building '987654321' was not found");
        assertThat(zh.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND")
                .isEqualTo(en.getString("errors[0].extensions.code"));

        // a rule of a service: the extensions (code, reason) are the same in every language
        String someone = "{ people(first: 1) { edges { node { id } } } }";
        String personId = gql("community-admin", null, someone, Map.of()).getString("data.people.edges[0].node.id");
        String read = "{ person(id: \"" + personId + "\") { id name } }";
        JsonPath zhRefused = gql("resident", "zh", read, Map.of());
        JsonPath enRefused = gql("resident", "en", read, Map.of());
        assertThat(message(zhRefused)).isEqualTo("只有本社区工作人员和本人可以查看居民信息");
        assertThat(message(enRefused)).isEqualTo("Only staff of this community and the person themselves may read a person");
        assertThat(zhRefused.getMap("errors[0].extensions")).isEqualTo(enRefused.getMap("errors[0].extensions"))
                .containsEntry("code", "FORBIDDEN");
    }

    @Test
    void withoutAHeaderMessagesAreEnglishAndWeightsDecide() {
        assertThat(message(gql("community-admin", null, MISSING_BUILDING, Map.of()))).isEqualTo("Building '987654321' was not found");
        assertThat(message(gql("community-admin", "en-US,en;q=0.9,zh-CN;q=0.8", MISSING_BUILDING, Map.of())))
                .startsWith("Building");
        assertThat(message(gql("community-admin", "en;q=0.4, zh-Hans-CN;q=0.9", MISSING_BUILDING, Map.of())))
                .startsWith("未找到楼栋");
        assertThat(message(gql("community-admin", "fr-FR, zh-TW;q=0.5", MISSING_BUILDING, Map.of()))).startsWith("未找到楼栋");
        assertThat(message(gql("community-admin", "fr-FR", MISSING_BUILDING, Map.of()))).startsWith("Building");
        assertThat(message(gql("community-admin", "zh;q=0, en;q=0.2", MISSING_BUILDING, Map.of()))).startsWith("Building");
    }

    @Test
    void validationMessagesOfEveryKindSpeakChinese() {
        // Bean Validation: a @Pattern without its regular expression
        JsonPath phone = gql("community-admin", "zh-CN", BAD_PHONE, Map.of());
        assertThat(phone.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(phone.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.phone");
        assertThat(phone.getString("errors[0].extensions.fields[0].message")).isEqualTo("须为 5 至 15 位数字，可以 + 开头");
        assertThat(phone.getString("errors[0].message")).startsWith("输入有误：input.phone");
        JsonPath blank = gql("community-admin", "zh-CN",
                "mutation { createCompound(input: {name: \" \", description: \"x\"}) { id } }", Map.of());
        assertThat(blank.getString("errors[0].extensions.fields[0].message")).isEqualTo("不能为空");

        // graphql-java's validation: an unknown field, without its classification (FieldUndefined@[…])
        JsonPath unknown = gql("community-admin", "zh-CN", "{ nonsense }", Map.of());
        assertThat(unknown.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(message(unknown)).isEqualTo("类型“Query”中没有字段“nonsense”");
        assertThat(message(gql("community-admin", "en", "{ nonsense }", Map.of())))
                .isEqualTo("Field 'nonsense' in type 'Query' is undefined");

        // a document that does not parse
        JsonPath syntax = gql("community-admin", "zh-CN", "{ community { ", Map.of());
        assertThat(syntax.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(message(syntax)).startsWith("文档无法解析：语法错误").contains("第 1 行");

        // a variable of the wrong type and an argument out of range
        JsonPath variable = gql("community-admin", "zh-CN", "query($n: Int) { people(first: $n) { totalCount } }",
                Map.of("n", "many"));
        assertThat(variable.getString("errors[0].extensions.fields[0].field")).isEqualTo("$n");
        assertThat(variable.getString("errors[0].extensions.fields[0].message")).contains("整数");
        JsonPath range = gql("community-admin", "zh-CN", "{ people(first: 101) { totalCount } }", Map.of());
        assertThat(range.getString("errors[0].extensions.fields[0].message")).isEqualTo("须在 1 至 100 之间，当前为 101");

        // the kernel's refusals before GraphQL: no sign-in, and a body that is not JSON
        JsonPath anonymous = gql(null, "zh-CN", "mutation { createCompound(input: {name: \"x\", description: \"x\"}) { id } }",
                Map.of());
        assertThat(anonymous.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(message(anonymous)).isEqualTo("请先登录");
        String notJson = given().header("Accept-Language", "zh-CN").contentType("text/plain").body("{ me { id } }")
                .post("/graphql").then().statusCode(415).extract().jsonPath().getString("errors[0].message");
        assertThat(notJson).startsWith("请以 UTF-8 编码的 application/json 发送请求");
    }

    @Test
    void introspectionRefusedInBadFaithSpeaksChinese() {
        JsonPath refused = gql(null, "zh-CN", "{ a: __type(name: \"Query\") { name } b: __type(name: \"Room\") { name } }",
                Map.of());
        assertThat(message(refused)).startsWith("内省查询中").contains("__type").endsWith("出现次数过多，不予执行");
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("QUERY_TOO_COMPLEX");
    }

    @Test
    void noMessageShowsJavaTypesRegularExpressionsOrClassifications() {
        List<String> requests = List.of(BAD_PHONE, MISSING_BUILDING, "{ nonsense }", "{ community { ",
                "{ people(first: \"x\") { totalCount } }", "{ people(first: 99999999999) { totalCount } }",
                "{ building(id: 1.5) { id } }", "{ building(id: true) { id } }", "{ building(id: {a: 1}) { id } }",
                "query($d: Date) { __typename }", "mutation { createCommunity(input: {code: \"Bad Code!\", name: \"\"}) { code } }",
                "{ people(first: 1) { edges { node { id { x } } } } }", "query Q { me { id } } query Q { me { id } }",
                "query($x: Int) { me { id } }", "{ people(after: \"not-a-cursor\") { totalCount } }", deep(),
                "query A { me { id } } query B { me { id } }");
        List<Map<String, Object>> variables = new ArrayList<>();
        requests.forEach(r -> variables.add(Map.of()));
        variables.set(9, Map.of("d", "2026-13-45"));
        List<String> problems = new ArrayList<>();
        for (String language : List.of("zh-CN", "en")) {
            for (int i = 0; i < requests.size(); i++) {
                JsonPath response = gql("community-admin", language, requests.get(i), variables.get(i));
                List<Object> messages = new ArrayList<>(response.getList("errors.message"));
                List<Object> fields = response.getList("errors.extensions.fields.message.flatten()");
                if (fields != null) {
                    messages.addAll(fields);
                }
                assertThat(messages).as(requests.get(i)).isNotEmpty();
                for (Object message : messages) {
                    String text = String.valueOf(message);
                    if (text.matches("(?s).*(java\\.|Exception|\\^\\[|\\\\d|\\[a-z|IntValue\\{|StringValue\\{|@\\[|"
                            + "FieldUndefined|WrongType|ValidationError|InvalidSyntax|ANTLR|SRGQL).*")) {
                        problems.add(language + " " + requests.get(i) + ": " + text);
                    }
                    if (language.equals("zh-CN") && !text.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)) {
                        problems.add("not Chinese: " + requests.get(i) + ": " + text);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A query deeper than the limit (15). */
    private static String deep() {
        String inner = "name";
        for (int i = 0; i < 8; i++) {
            inner = "buildings { compound { " + inner + " } }";
        }
        return "{ community { compounds { edges { node { " + inner + " } } } } }";
    }

    private static String message(JsonPath response) {
        return response.getString("errors[0].message");
    }

    private static JsonPath gql(String user, String language, String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (user != null) {
            request = request.header("Authorization", "Bearer " + Api.token(user));
        }
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return request.body(body).post("/graphql").then().extract().jsonPath();
    }
}
