package org.linqin.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The chart helm/linqin, rendered and linted by Helm itself (the helm-java native library), read with the fabric8 model. */
final class LinqinChart {

    static final Path ROOT = Path.of(System.getProperty("linqin.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/linqin");
    static final String RELEASE = "linqin";
    static final String NAMESPACE = "community";
    /** The oldest Kubernetes the chart declares (Chart.yaml kubeVersion); Helm's own default is older. */
    static final String KUBE_VERSION = "v1.25.0";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<Path, Rendered> RENDERED = new ConcurrentHashMap<>();

    private LinqinChart() {
    }

    /** The value sets the chart is tested with (the chart-testing convention: ci/*-values.yaml). */
    static List<Path> valueSets() {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path valueSet(String name) {
        return CHART.resolve("ci").resolve(name + "-values.yaml");
    }

    /** helm template with values files (later ones win, as with -f) and --set pairs; Helm's refusal as an exception. */
    static Rendered render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        String manifests = template.call();
        return new Rendered(manifests, parse(manifests));
    }

    /** Rendered once per value set: the tests only read it. */
    static Rendered render(Path valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file -> render(List.of(file), Map.of()));
    }

    private static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifests)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata resource)) {
                throw new AssertionError("not a Kubernetes resource: " + document);
            }
            resources.add(resource);
        }
        return resources;
    }

    /**
     * helm lint of the chart with a value set. Helm lints a chart with its own values.yaml, so the chart is copied
     * with the value set merged into that file (what `helm lint -f` does).
     */
    static LintResult lint(Path valuesFile) {
        Path copy = copyWithValues(valuesFile);
        return new Helm(copy).lint().strict().call();
    }

    /** helm lint of the chart exactly as it is shipped. */
    static LintResult lintAsShipped() {
        return new Helm(CHART).lint().strict().call();
    }

    private static Path copyWithValues(Path valuesFile) {
        try {
            Path target = ROOT.resolve("helm/target/lint")
                    .resolve(valuesFile.getFileName().toString().replace(".yaml", ""))
                    .resolve("linqin");
            deleteRecursively(target);
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : files.toList()) {
                    Path destination = target.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                    }
                }
            }
            JsonNode values = YAML.readTree(CHART.resolve("values.yaml").toFile());
            merge((ObjectNode) values, YAML.readTree(valuesFile.toFile()));
            YAML.writeValue(target.resolve("values.yaml").toFile(), values);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's rule: maps merge key by key, anything else replaces. */
    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode existingMap && entry.getValue().isObject()) {
                merge(existingMap, entry.getValue());
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The resources one render produced. */
    record Rendered(String text, List<HasMetadata> resources) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size()
                        + ": " + kinds());
            }
            return found.get(0);
        }

        List<String> kinds() {
            return resources.stream().map(HasMetadata::getKind).toList();
        }
    }
}
