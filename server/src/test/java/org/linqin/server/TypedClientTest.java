package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linqin.server.support.NodeTools;
import org.linqin.server.support.NodeTools.Result;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * A client developer's first steps with the published contract, with the tools they use: graphql-codegen turns
 * graphql-schema/schema.graphql and the example operations into a TypeScript client, which must compile under
 * {@code tsc --strict}; GraphQL Inspector checks the examples (valid, nothing deprecated, within the server's
 * limits, operation names unique). The tools are the npm project in graphql-schema (its package-lock.json); the
 * client is generated into target/, never into the repository.
 */
class TypedClientTest {

    static final Path TOOLS = Path.of("..", "graphql-schema").toAbsolutePath().normalize();
    static final Path CLIENT = Path.of("target", "graphql-client").toAbsolutePath();

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        NodeTools.install(TOOLS);
    }

    @Test
    void theGeneratedClientCompilesUnderStrictTypeScript() throws IOException, InterruptedException {
        deleteRecursively(CLIENT);
        Files.createDirectories(CLIENT);
        Path generated = CLIENT.resolve("graphql.ts");

        Result codegen = NodeTools.run(TOOLS, Map.of("LINQIN_CLIENT_OUT", generated.toString()), 300,
                "npm", "run", "-s", "codegen");
        assertThat(codegen.exitCode()).as("graphql-codegen:%n%s", codegen.output()).isZero();
        String client = Files.readString(generated, StandardCharsets.UTF_8);
        assertThat(operationNames()).allSatisfy(name -> assertThat(client)
                .as("typed document of operation %s", name).contains("export const " + name + "Document = "));
        assertThat(client).as("scalars mapped to their JSON form, none left as any")
                .contains("DateTime: { input: string; output: string; }")
                .contains("BigInteger: { input: number; output: number; }")
                .doesNotContain(": any;");

        // The generated file imports @graphql-typed-document-node/core, found in the tools' node_modules.
        Files.writeString(CLIENT.resolve("tsconfig.json"), """
                {
                  "compilerOptions": {
                    "target": "es2022", "module": "esnext", "moduleResolution": "bundler", "types": [],
                    "baseUrl": ".", "paths": { "*": [%s] }
                  },
                  "files": ["graphql.ts"]
                }
                """.formatted(json(TOOLS.resolve("node_modules").toString() + "/*")), StandardCharsets.UTF_8);
        Result tsc = NodeTools.run(CLIENT, Map.of(), 300, "node",
                TOOLS.resolve("node_modules/typescript/bin/tsc").toString(), "--strict", "--noEmit", "-p", ".");
        assertThat(tsc.exitCode()).as("tsc --strict --noEmit:%n%s", tsc.output()).isZero();
    }

    @Test
    void graphqlInspectorFindsNoProblemInTheExamples() throws IOException, InterruptedException {
        Result check = NodeTools.run(TOOLS, Map.of(), 120, "npm", "run", "-s", "check-examples");
        assertThat(check.exitCode()).as("GraphQL Inspector:%n%s", check.output()).isZero();
        assertThat(check.output()).contains(operationNames().size() + " operations, 0 problems");
    }

    private static List<String> operationNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(SchemaContractTest.EXAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList()) {
                Parser.parse(Files.readString(file, StandardCharsets.UTF_8))
                        .getDefinitionsOfType(OperationDefinition.class).forEach(op -> names.add(op.getName()));
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
