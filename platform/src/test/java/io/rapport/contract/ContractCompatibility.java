package io.rapport.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a consumer built against the last released contract would trip on, in the current one.
 * Both OpenAPI and AsyncAPI keep their schemas under {@code components.schemas} in JSON Schema form,
 * read here as plain maps and lists.
 *
 * <ul>
 * <li>Events (AsyncAPI): a published event may only gain fields (readers ignore unknown fields);
 * removing or renaming a field, changing its type, format or nullability, or changing an enum is
 * breaking unless the event's schema version is raised. Removing an event is always breaking.</li>
 * <li>HTTP API (OpenAPI): an operation, its id, a parameter, a request or response media type, a
 * schema or a property may not disappear; types and formats may not change; enums may not lose
 * values; bounds may not tighten (nor a pattern change); nothing optional may become required; no new required parameter
 * — unless {@code info.version} is raised (a new major version, served beside the old one).</li>
 * </ul>
 */
public final class ContractCompatibility {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final Map<String, Object> released;
    private final Map<String, Object> current;
    private final boolean events;
    private final List<String> breaks = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private ContractCompatibility(Map<String, Object> released, Map<String, Object> current, boolean events) {
        this.released = released;
        this.current = current;
        this.events = events;
    }

    /** Breaking changes between two AsyncAPI documents whose payload schemas carry {@code versionKey}. */
    public static List<String> ofEvents(Map<String, Object> released, Map<String, Object> current, String versionKey) {
        ContractCompatibility check = new ContractCompatibility(released, current, true);
        Map<String, Object> oldMessages = map(map(released.get("components")).get("messages"));
        Map<String, Object> newMessages = map(map(current.get("components")).get("messages"));
        for (String event : oldMessages.keySet()) {
            if (!newMessages.containsKey(event)) {
                check.breaks.add(event + ": the event was removed");
                continue;
            }
            Map<String, Object> oldPayload = check.resolve(released, map(oldMessages.get(event)).get("payload"));
            Map<String, Object> newPayload = check.resolve(current, map(newMessages.get(event)).get("payload"));
            int oldVersion = ((Number) oldPayload.get(versionKey)).intValue();
            int newVersion = ((Number) newPayload.get(versionKey)).intValue();
            if (newVersion < oldVersion) {
                check.breaks.add(event + ": schema version went down from " + oldVersion + " to " + newVersion);
            } else if (newVersion == oldVersion) {
                check.schema(event + " v" + oldVersion, oldPayload, newPayload);
            }
        }
        return check.breaks;
    }

    /** Breaking changes between two OpenAPI documents of one service. */
    public static List<String> ofOpenApi(Map<String, Object> released, Map<String, Object> current) {
        ContractCompatibility check = new ContractCompatibility(released, current, false);
        Object oldVersion = map(released.get("info")).get("version");
        if (!Objects.equals(oldVersion, map(current.get("info")).get("version"))) {
            return check.breaks; // a new major version: the old one is served beside it, not evolved
        }
        Map<String, Object> oldPaths = map(released.get("paths"));
        Map<String, Object> newPaths = map(current.get("paths"));
        oldPaths.forEach((path, oldItem) -> map(oldItem).forEach((method, oldOperation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            Map<String, Object> newOperation = map(map(newPaths.get(path)).get(method));
            if (newOperation.isEmpty()) {
                check.breaks.add(where + ": the operation was removed");
                return;
            }
            check.operation(where, map(oldOperation), newOperation);
        }));
        Map<String, Object> oldSchemas = map(map(released.get("components")).get("schemas"));
        Map<String, Object> newSchemas = map(map(current.get("components")).get("schemas"));
        oldSchemas.forEach((name, schema) -> {
            if (!newSchemas.containsKey(name)) {
                check.breaks.add("schema " + name + ": removed or renamed (generated clients name classes after it)");
            } else {
                check.schema("schema " + name, map(schema), map(newSchemas.get(name)));
            }
        });
        return check.breaks;
    }

    private void operation(String where, Map<String, Object> oldOperation, Map<String, Object> newOperation) {
        if (!Objects.equals(oldOperation.get("operationId"), newOperation.get("operationId"))) {
            breaks.add(where + ": operationId changed from " + oldOperation.get("operationId") + " to "
                    + newOperation.get("operationId") + " (generated clients call it by that name)");
        }
        List<Map<String, Object>> oldParameters = parameters(oldOperation);
        List<Map<String, Object>> newParameters = parameters(newOperation);
        for (Map<String, Object> oldParameter : oldParameters) {
            String name = oldParameter.get("in") + " parameter " + oldParameter.get("name");
            Map<String, Object> newParameter = newParameters.stream()
                    .filter(p -> Objects.equals(p.get("name"), oldParameter.get("name")) && Objects.equals(p.get("in"), oldParameter.get("in")))
                    .findFirst().orElse(null);
            if (newParameter == null) {
                breaks.add(where + ": " + name + " was removed");
                continue;
            }
            if (Boolean.TRUE.equals(newParameter.get("required")) && !Boolean.TRUE.equals(oldParameter.get("required"))) {
                breaks.add(where + ": " + name + " became required");
            }
            schema(where + " " + name, map(oldParameter.get("schema")), map(newParameter.get("schema")));
        }
        for (Map<String, Object> newParameter : newParameters) {
            boolean known = oldParameters.stream().anyMatch(p -> Objects.equals(p.get("name"), newParameter.get("name"))
                    && Objects.equals(p.get("in"), newParameter.get("in")));
            if (!known && Boolean.TRUE.equals(newParameter.get("required"))) {
                breaks.add(where + ": new required " + newParameter.get("in") + " parameter " + newParameter.get("name"));
            }
        }
        Map<String, Object> oldBody = map(oldOperation.get("requestBody"));
        Map<String, Object> newBody = map(newOperation.get("requestBody"));
        if (oldBody.isEmpty() && Boolean.TRUE.equals(newBody.get("required"))) {
            breaks.add(where + ": a request body became required");
        }
        content(where + " request", map(oldBody.get("content")), map(newBody.get("content")));
        Map<String, Object> oldResponses = map(oldOperation.get("responses"));
        Map<String, Object> newResponses = map(newOperation.get("responses"));
        oldResponses.forEach((status, oldResponse) -> {
            if (!status.startsWith("2")) {
                return;
            }
            if (!newResponses.containsKey(status)) {
                breaks.add(where + ": the " + status + " response was removed");
                return;
            }
            content(where + " " + status + " response", map(map(oldResponse).get("content")), map(map(newResponses.get(status)).get("content")));
        });
    }

    private void content(String where, Map<String, Object> oldContent, Map<String, Object> newContent) {
        oldContent.forEach((type, media) -> {
            if (!newContent.containsKey(type)) {
                breaks.add(where + ": media type " + type + " was removed");
            } else {
                schema(where + " (" + type + ")", map(map(media).get("schema")), map(map(newContent.get(type)).get("schema")));
            }
        });
    }

    private void schema(String where, Map<String, Object> oldRaw, Map<String, Object> newRaw) {
        Object oldRef = oldRaw.get("$ref");
        Object newRef = newRaw.get("$ref");
        if (!events && oldRef != null && newRef != null) {
            if (!oldRef.equals(newRef)) {
                breaks.add(where + ": refers to " + newRef + " instead of " + oldRef);
            }
            return; // named schemas are compared once, under their own name
        }
        if (oldRef != null && !compared.add(where + "|" + oldRef)) {
            return;
        }
        Map<String, Object> oldSchema = resolve(released, oldRaw);
        Map<String, Object> newSchema = resolve(current, newRaw);
        Nullable oldType = Nullable.of(this, released, oldSchema);
        Nullable newType = Nullable.of(this, current, newSchema);
        if (events && oldType.nullable() != newType.nullable()) {
            breaks.add(where + ": " + (newType.nullable() ? "may now be null" : "is no longer nullable"));
        }
        oldSchema = oldType.schema();
        newSchema = newType.schema();
        if (!Objects.equals(types(oldSchema.get("type")), types(newSchema.get("type")))) {
            breaks.add(where + ": type changed from " + oldSchema.get("type") + " to " + newSchema.get("type"));
            return;
        }
        if (!Objects.equals(oldSchema.get("format"), newSchema.get("format"))) {
            breaks.add(where + ": format changed from " + oldSchema.get("format") + " to " + newSchema.get("format"));
        }
        enums(where, oldSchema.get("enum"), newSchema.get("enum"));
        if (!events) {
            bounds(where, oldSchema, newSchema);
            Set<Object> newlyRequired = new LinkedHashSet<>(list(newSchema.get("required")));
            list(oldSchema.get("required")).forEach(newlyRequired::remove);
            newlyRequired.forEach(field -> breaks.add(where + ": " + field + " became required"));
        }
        Map<String, Object> oldProperties = map(oldSchema.get("properties"));
        Map<String, Object> newProperties = map(newSchema.get("properties"));
        oldProperties.forEach((field, oldProperty) -> {
            if (!newProperties.containsKey(field)) {
                breaks.add(where + ": field " + field + " was removed or renamed");
            } else {
                schema(where + "." + field, map(oldProperty), map(newProperties.get(field)));
            }
        });
        if (oldSchema.containsKey("items")) {
            schema(where + "[]", map(oldSchema.get("items")), map(newSchema.get("items")));
        }
        if (oldSchema.get("additionalProperties") instanceof Map<?, ?> oldValues) {
            schema(where + "{}", map(oldValues), map(newSchema.get("additionalProperties")));
        }
    }

    private void enums(String where, Object oldEnum, Object newEnum) {
        if (oldEnum == null && newEnum == null) {
            return;
        }
        Set<Object> oldValues = new LinkedHashSet<>(list(oldEnum));
        Set<Object> newValues = new LinkedHashSet<>(list(newEnum));
        if (oldEnum == null) {
            breaks.add(where + ": restricted to the values " + newValues);
            return;
        }
        if (newEnum == null) {
            if (events) {
                breaks.add(where + ": no longer limited to " + oldValues);
            }
            return;
        }
        Set<Object> removed = new LinkedHashSet<>(oldValues);
        removed.removeAll(newValues);
        if (!removed.isEmpty()) {
            breaks.add(where + ": enum tightened, " + removed + " removed");
        }
        Set<Object> added = new LinkedHashSet<>(newValues);
        added.removeAll(oldValues);
        if (events && !added.isEmpty()) {
            breaks.add(where + ": enum gained " + added + " (readers switch on the values)");
        }
    }

    private void bounds(String where, Map<String, Object> oldSchema, Map<String, Object> newSchema) {
        Object pattern = newSchema.get("pattern");
        if (pattern != null && !pattern.equals(oldSchema.get("pattern"))) {
            breaks.add(where + ": pattern changed from " + oldSchema.get("pattern") + " to " + pattern);
        }
        for (String upper : List.of("maxLength", "maxItems", "maximum")) {
            Number before = (Number) oldSchema.get(upper);
            Number after = (Number) newSchema.get(upper);
            if (after != null && (before == null || after.doubleValue() < before.doubleValue())) {
                breaks.add(where + ": " + upper + " tightened from " + before + " to " + after);
            }
        }
        for (String lower : List.of("minLength", "minItems", "minimum")) {
            Number before = (Number) oldSchema.get(lower);
            Number after = (Number) newSchema.get(lower);
            if (after != null && (before == null || after.doubleValue() > before.doubleValue())) {
                breaks.add(where + ": " + lower + " tightened from " + before + " to " + after);
            }
        }
    }

    private Map<String, Object> resolve(Map<String, Object> document, Object schema) {
        Map<String, Object> resolved = map(schema);
        Set<Object> seen = new HashSet<>();
        while (resolved.get("$ref") instanceof String ref && ref.startsWith(SCHEMAS) && seen.add(ref)) {
            resolved = map(map(map(document.get("components")).get("schemas")).get(ref.substring(SCHEMAS.length())));
        }
        return resolved;
    }

    /** A schema without its "or null": {@code type: [T, "null"]} or {@code oneOf: [S, {type: null}]}. */
    private record Nullable(Map<String, Object> schema, boolean nullable) {

        static Nullable of(ContractCompatibility check, Map<String, Object> document, Map<String, Object> schema) {
            if (schema.get("type") instanceof List<?> types && types.contains("null")) {
                Map<String, Object> copy = new java.util.LinkedHashMap<>(schema);
                List<Object> rest = new ArrayList<>(types);
                rest.remove("null");
                copy.put("type", rest.size() == 1 ? rest.getFirst() : rest);
                return new Nullable(copy, true);
            }
            if (schema.get("oneOf") instanceof List<?> options && options.size() == 2
                    && options.stream().anyMatch(o -> "null".equals(map(o).get("type")))) {
                Object other = options.stream().filter(o -> !"null".equals(map(o).get("type"))).findFirst().orElseThrow();
                return new Nullable(check.resolve(document, other), true);
            }
            return new Nullable(schema, false);
        }
    }

    private static Set<Object> types(Object type) {
        return type == null ? Set.of() : type instanceof Collection<?> many ? new HashSet<>(many) : Set.of(type);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        return (List<Map<String, Object>>) (List<?>) list(operation.get("parameters"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
