package io.rapport.events;

import io.rapport.platform.messaging.CloudEventHeaders;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The AsyncAPI 3.0 contract of the events, generated from the catalogue: one channel per topic, one
 * message per event with its CloudEvents headers, its payload schema (record components by
 * reflection) and its schema version; summaries come from docs/events.md. {@code docs/asyncapi.yaml}
 * is this document, kept equal by {@link AsyncApiDocumentTest}.
 *
 * <p>Every payload field is always present (the event JSON writes nulls), so every field is
 * required; fields of reference types may be {@code null}, primitives never are, nor the subject id.
 */
public final class AsyncApiDocument {

    public static final String VERSION_KEY = "x-schema-version";
    private static final Pattern SECTION = Pattern.compile("(?m)^### (\\w+)\\s*\\n\\s*\\n(.+?)\\n\\s*\\n- producer:.*\\n- consumers: (.+)\\n");

    private AsyncApiDocument() {
    }

    public static String yaml(String eventsMd) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        return "# Generated from the event catalogue (platform/src/main/java/io/rapport/events/) and docs/events.md\n"
                + "# by AsyncApiDocument; AsyncApiDocumentTest fails when this file differs. Rewrite it with\n"
                + "# ./mvnw -B -o test -pl platform -Dtest=AsyncApiDocumentTest -Drapport.api.write=true\n"
                + new Yaml(options).dump(document(eventsMd));
    }

    public static Map<String, Object> document(String eventsMd) {
        Map<String, String[]> prose = prose(eventsMd);
        Map<String, Object> doc = map();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", map("title", "Rapport events", "version", "v1",
                "description", "Every fact a Rapport service publishes, as CloudEvents 1.0 on Kafka (binary mode: the attributes are"
                        + " `ce_` headers, the payload is the JSON record value). One topic per producing service, keyed by member id."
                        + " Compatibility and versioning: docs/api-versioning.md; guarantees: docs/events.md."));
        doc.put("defaultContentType", CloudEventHeaders.JSON);
        doc.put("servers", map("embedded", map("host", "localhost:9092", "protocol", "kafka",
                "description", "The broker of ./rapport run; use your deployment's bootstrap servers.")));

        Map<String, Object> channels = map();
        Map<String, Object> operations = map();
        Map<String, Object> messages = map();
        Map<String, Object> schemas = map();
        schemas.put("CloudEventHeaders", cloudEventHeaders());
        for (Producer producer : Producer.values()) {
            Map<String, Object> channelMessages = map();
            for (EventType type : EventCatalogue.all()) {
                if (type.producer() == producer) {
                    channelMessages.put(type.name(), ref("#/components/messages/" + type.name()));
                }
            }
            String channel = channelName(producer);
            channels.put(channel, map("address", producer.topic(),
                    "description", "Events " + producer.serviceName() + " publishes. Key: the member id, so each member's events stay in order.",
                    "messages", channelMessages,
                    "bindings", map("kafka", map("bindingVersion", "0.5.0"))));
        }
        for (EventType type : EventCatalogue.all()) {
            String channel = channelName(type.producer());
            String[] text = prose.getOrDefault(type.name(), new String[] {type.name(), "see docs/events.md"});
            operations.put("publish" + type.name(), map("action", "send",
                    "channel", ref("#/channels/" + channel),
                    "summary", type.producer().serviceName() + " publishes " + type.name(),
                    "messages", List.of(ref("#/channels/" + channel + "/messages/" + type.name()))));
            messages.put(type.name(), message(type, text));
            schemas.put(type.name(), recordSchema(type.payload(), type.schemaVersion(), subjectComponent(type), schemas));
        }
        doc.put("channels", channels);
        doc.put("operations", operations);
        doc.put("components", map("schemas", schemas, "messages", messages));
        return doc;
    }

    private static String channelName(Producer producer) {
        return producer.name().toLowerCase();
    }

    private static Map<String, Object> message(EventType type, String[] text) {
        Map<String, Object> headers = map("type", "object", "properties", map(
                CloudEventHeaders.TYPE, map("type", "string", "const", type.name()),
                CloudEventHeaders.SOURCE, map("type", "string", "const", type.producer().source()),
                CloudEventHeaders.SCHEMA_VERSION, map("type", "string", "const", Integer.toString(type.schemaVersion()))));
        return map("name", type.name(),
                "title", type.name() + " (schema version " + type.schemaVersion() + ")",
                "summary", text[0],
                "description", "Consumers: " + text[1] + ".",
                "contentType", CloudEventHeaders.JSON,
                "headers", map("allOf", List.of(ref("#/components/schemas/CloudEventHeaders"), headers)),
                "payload", ref("#/components/schemas/" + type.name()),
                "correlationId", map("description", "The X-Request-Id of the request that caused it",
                        "location", "$message.header#/" + CloudEventHeaders.CORRELATION),
                "bindings", map("kafka", map("key", map("type", "string", "description", "The member id"),
                        "bindingVersion", "0.5.0")));
    }

    private static Map<String, Object> cloudEventHeaders() {
        Map<String, Object> properties = map();
        properties.put(CloudEventHeaders.SPEC_VERSION, map("type", "string", "const", CloudEventHeaders.SPEC_VERSION_VALUE));
        properties.put(CloudEventHeaders.ID, map("type", "string", "description", "The event's unique id; consumers de-duplicate on it"));
        properties.put(CloudEventHeaders.TYPE, map("type", "string", "description", "The event name"));
        properties.put(CloudEventHeaders.SOURCE, map("type", "string", "description", "/rapport/<service>"));
        properties.put(CloudEventHeaders.TIME, map("type", "string", "format", "date-time", "description", "When it happened (UTC)"));
        properties.put(CloudEventHeaders.SUBJECT, map("type", "string", "description", "The id of the aggregate it is about"));
        properties.put(CloudEventHeaders.CONTENT_TYPE, map("type", "string", "const", CloudEventHeaders.JSON));
        properties.put(CloudEventHeaders.MEMBER, map("type", "string", "description", "Whose data it is: the member id"));
        properties.put(CloudEventHeaders.TENANT, map("type", "string", "description", "The member's organization"));
        properties.put(CloudEventHeaders.CORRELATION, map("type", "string", "description", "The request that caused it, carried through every consumer"));
        properties.put(CloudEventHeaders.SCHEMA_VERSION, map("type", "string", "pattern", "^[1-9][0-9]*$",
                "description", "The payload's schema version; a consumer refuses a newer one rather than misread it"));
        return map("type", "object", "description", "CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode",
                "properties", properties, "required", new ArrayList<>(properties.keySet()));
    }

    private static String subjectComponent(EventType type) {
        // The component whose value subject() returns: the aggregate id, never null.
        for (RecordComponent component : type.payload().getRecordComponents()) {
            if (component.getType() == String.class) {
                try {
                    DomainEvent probe = probe(type.payload());
                    if (component.getName().equals(probe.subject())) {
                        return component.getName();
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a record that does not accept the probe: no subject component is named
                }
            }
        }
        return null;
    }

    /** An instance whose String components hold their own names, to see which one subject() returns. */
    private static DomainEvent probe(Class<? extends DomainEvent> payload) throws ReflectiveOperationException {
        RecordComponent[] components = payload.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == String.class ? components[i].getName() : defaultValue(types[i]);
        }
        return payload.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class) {
            return type == long.class ? 0L : type == short.class ? (short) 0 : 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static Map<String, Object> recordSchema(Class<?> record, Integer version, String nonNull, Map<String, Object> schemas) {
        Map<String, Object> properties = map();
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> schema = schema(component.getGenericType(), schemas);
            boolean nullable = !component.getType().isPrimitive() && !component.getName().equals(nonNull);
            properties.put(component.getName(), nullable ? nullable(schema) : schema);
        }
        Map<String, Object> schema = map("type", "object");
        if (version != null) {
            schema.put("title", record.getSimpleName() + " v" + version);
            schema.put(VERSION_KEY, version);
        }
        schema.put("properties", properties);
        schema.put("required", new ArrayList<>(properties.keySet()));
        return schema;
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.get("type") instanceof String type) {
            Map<String, Object> copy = map();
            copy.putAll(schema);
            copy.put("type", List.of(type, "null"));
            return copy;
        }
        return map("oneOf", List.of(schema, map("type", "null")));
    }

    private static Map<String, Object> schema(Type type, Map<String, Object> schemas) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return map("type", "array", "items", schema(arguments[0], schemas));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return map("type", "object", "additionalProperties", schema(arguments[1], schemas));
            }
            throw new IllegalArgumentException("No JSON schema for " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class) {
            return map("type", "string");
        }
        if (cls == Instant.class) {
            return map("type", "string", "format", "date-time");
        }
        if (cls == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (cls == int.class || cls == Integer.class) {
            return map("type", "integer", "format", "int32");
        }
        if (cls == long.class || cls == Long.class) {
            return map("type", "integer", "format", "int64");
        }
        if (cls == double.class || cls == Double.class) {
            return map("type", "number", "format", "double");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return map("type", "boolean");
        }
        if (cls.isEnum()) {
            return map("type", "string", "enum", Arrays.stream(cls.getEnumConstants()).map(Object::toString).toList());
        }
        if (cls.isRecord()) {
            if (!schemas.containsKey(cls.getSimpleName())) {
                schemas.put(cls.getSimpleName(), map());
                schemas.put(cls.getSimpleName(), recordSchema(cls, null, null, schemas));
            }
            return ref("#/components/schemas/" + cls.getSimpleName());
        }
        throw new IllegalArgumentException("No JSON schema for " + cls.getName() + ": add it to AsyncApiDocument");
    }

    /** Each event's first paragraph and its consumers, from docs/events.md. */
    static Map<String, String[]> prose(String eventsMd) {
        Map<String, String[]> prose = new LinkedHashMap<>();
        Matcher matcher = SECTION.matcher(eventsMd);
        while (matcher.find()) {
            prose.put(matcher.group(1), new String[] {matcher.group(2).replace('\n', ' ').trim(), matcher.group(3).trim()});
        }
        return prose;
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
