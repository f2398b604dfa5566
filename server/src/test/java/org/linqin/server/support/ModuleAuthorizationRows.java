package org.linqin.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.linqin.core.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authorization rows a module or plugin carries in its own jar, next to its code, as the classpath resource
 * {@code META-INF/linqin/authorization/<module-id>.json}. One file holds:
 *
 * <pre>
 * {
 *   "groups": { "organisers": ["community-admin", "committee-member"] },
 *   "rows": [
 *     { "operation": "notices", "allowed": ["*"], "document": "{ notices { totalCount } }" },
 *     { "operation": "withdrawNotice", "allowed": ["@organisers"],
 *       "document": "mutation($id: ID!) { withdrawNotice(id: $id) { id } }", "variables": { "id": 1 } }
 *   ]
 * }
 * </pre>
 *
 * <ul>
 * <li>{@code operation}: a query or mutation root field, or {@code Type.field} for a field reached from a public
 * operation.</li>
 * <li>{@code allowed}: who may call it: role names of {@link Roles}, {@code *} (anyone, signed in or not),
 * {@code signed-in} (any signed-in caller, member or not), {@code member} (members of the addressed community, any
 * role, and platform admins), or {@code @group} for a group of the file's optional {@code groups}.</li>
 * <li>{@code document}: the GraphQL document that calls it; {@code variables} (optional): its variables.</li>
 * <li>{@code note} (optional, on a row or the file): free text for the reader, ignored.</li>
 * </ul>
 *
 * Rows in files have no fixtures: by convention they address ids that do not exist (e.g. {@code id: 1}), so an
 * allowed caller meets NOT_FOUND or VALIDATION_FAILED and a refused one FORBIDDEN or UNAUTHENTICATED.
 */
public final class ModuleAuthorizationRows {

    /** The classpath folder of the files. */
    public static final String FOLDER = "META-INF/linqin/authorization/";
    /** Anyone, signed in or not. */
    public static final String ANYONE = "*";
    /** Any signed-in caller, member of the addressed community or not. */
    public static final String SIGNED_IN = "signed-in";
    /** Members of the addressed community (any role there) and platform admins. */
    public static final String MEMBER = "member";

    private static final Set<String> SPECIAL = Set.of(ANYONE, SIGNED_IN, MEMBER);
    private static final Set<String> ROLES = roles();
    private static final Pattern OPERATION = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FILE_KEYS = Set.of("groups", "rows", "note");
    private static final Set<String> ROW_KEYS = Set.of("operation", "allowed", "document", "variables", "note");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of a file; {@code origin} names the file and the row for messages. */
    public record Row(String operation, Set<String> allowed, String document, Map<String, Object> variables,
            String origin) {
    }

    private ModuleAuthorizationRows() {
    }

    /** The resource that holds the rows of the module {@code moduleId}. */
    public static String resource(String moduleId) {
        return FOLDER + moduleId + ".json";
    }

    /**
     * The rows of the module {@code moduleId}, read with {@code loader}; none if its jar carries no file. Should two
     * jars carry a file of that name, the rows of both are returned (and then meet as duplicates).
     *
     * @throws IllegalArgumentException naming the file and the row when a file is malformed
     */
    public static List<Row> of(String moduleId, ClassLoader loader) {
        String resource = resource(moduleId);
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(resource));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot look up " + resource + ": " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (URL url : urls) {
            String name = urls.size() == 1 ? resource : resource + " in " + url;
            try (InputStream in = url.openStream()) {
                rows.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    /**
     * Parses the text of one file; {@code name} names it in messages.
     *
     * @throws IllegalArgumentException naming the file and the row when the text is malformed
     */
    public static List<Row> parse(String text, String name) {
        JsonNode file;
        try {
            file = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(name, "not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (file == null || !file.isObject()) {
            throw malformed(name, "expected an object {\"rows\": [...]}");
        }
        unknownKeys(file, FILE_KEYS, name);
        Map<String, Set<String>> groups = groups(file.get("groups"), name);
        JsonNode rows = file.get("rows");
        if (rows == null || !rows.isArray()) {
            throw malformed(name, "\"rows\" is missing or not an array");
        }
        List<Row> parsed = new ArrayList<>();
        int number = 0;
        for (JsonNode row : rows) {
            number++;
            parsed.add(row(row, groups, name + ", row " + number));
        }
        return parsed;
    }

    private static Row row(JsonNode row, Map<String, Set<String>> groups, String where) {
        if (!row.isObject()) {
            throw malformed(where, "expected an object with \"operation\", \"allowed\" and \"document\"");
        }
        JsonNode operationNode = row.get("operation");
        if (operationNode != null && operationNode.isTextual()) {
            where = where + " (" + operationNode.asText() + ")";
        }
        unknownKeys(row, ROW_KEYS, where);
        String operation = text(row, "operation", where);
        if (!OPERATION.matcher(operation).matches()) {
            throw malformed(where, "\"operation\" must be a root field (e.g. notices) or Type.field (e.g. "
                    + "Community.pinnedNotices), not \"" + operation + "\"");
        }
        JsonNode allowedNode = row.get("allowed");
        if (allowedNode == null || !allowedNode.isArray() || allowedNode.isEmpty()) {
            throw malformed(where, "\"allowed\" is missing or not a non-empty array of role names");
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (JsonNode entry : allowedNode) {
            if (!entry.isTextual()) {
                throw malformed(where, "\"allowed\" holds " + entry + ", not a string");
            }
            String value = entry.asText();
            if (value.startsWith("@")) {
                Set<String> group = groups.get(value.substring(1));
                if (group == null) {
                    throw malformed(where, "unknown group \"" + value + "\"; the file defines "
                            + (groups.isEmpty() ? "no groups" : "@" + String.join(", @", groups.keySet())));
                }
                allowed.addAll(group);
            } else {
                allowed.add(checked(value, where));
            }
        }
        String document = text(row, "document", where);
        Map<String, Object> variables = Map.of();
        JsonNode variablesNode = row.get("variables");
        if (variablesNode != null && !variablesNode.isNull()) {
            if (!variablesNode.isObject()) {
                throw malformed(where, "\"variables\" must be an object");
            }
            variables = Collections.unmodifiableMap(JSON.convertValue(variablesNode,
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    }));
        }
        if (row.has("note") && !row.get("note").isTextual()) {
            throw malformed(where, "\"note\" must be a string");
        }
        return new Row(operation, Set.copyOf(allowed), document, variables, where);
    }

    private static Map<String, Set<String>> groups(JsonNode node, String name) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return groups;
        }
        if (!node.isObject()) {
            throw malformed(name, "\"groups\" must be an object of group name to role names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> group = it.next();
            String where = name + ", group \"" + group.getKey() + "\"";
            if (group.getKey().isBlank() || group.getKey().startsWith("@")) {
                throw malformed(where, "a group name is a plain word (referenced as \"@name\" in \"allowed\")");
            }
            if (!group.getValue().isArray() || group.getValue().isEmpty()) {
                throw malformed(where, "expected a non-empty array of role names");
            }
            Set<String> roles = new LinkedHashSet<>();
            for (JsonNode role : group.getValue()) {
                if (!role.isTextual()) {
                    throw malformed(where, "holds " + role + ", not a string");
                }
                roles.add(checked(role.asText(), where));
            }
            groups.put(group.getKey(), roles);
        }
        return groups;
    }

    private static String checked(String value, String where) {
        if (!SPECIAL.contains(value) && !ROLES.contains(value)) {
            throw malformed(where, "unknown role \"" + value + "\"; use " + ANYONE + ", " + SIGNED_IN + ", " + MEMBER
                    + ", @group or one of " + String.join(", ", new TreeSet<>(ROLES)));
        }
        return value;
    }

    private static String text(JsonNode row, String key, String where) {
        JsonNode node = row.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw malformed(where, "\"" + key + "\" is missing or not a non-empty string");
        }
        return node.asText();
    }

    private static void unknownKeys(JsonNode object, Set<String> known, String where) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!known.contains(key)) {
                throw malformed(where, "unknown key \"" + key + "\"; expected "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static IllegalArgumentException malformed(String where, String problem) {
        return new IllegalArgumentException("Malformed authorization rows: " + where + ": " + problem);
    }

    private static Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>(Roles.COMMUNITY_ROLES);
        roles.add(Roles.PLATFORM_ADMIN);
        return Set.copyOf(roles);
    }
}
