package io.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.AsyncApiDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each compatibility rule, on copies of the real contracts with one deliberate change. */
class ContractCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VERSION = AsyncApiDocument.VERSION_KEY;

    @Test
    void unchangedContractsAreCompatible() throws IOException {
        assertThat(ContractCompatibility.ofEvents(events(), events(), VERSION)).isEmpty();
        assertThat(ContractCompatibility.ofOpenApi(api(), api())).isEmpty();
    }

    @Test
    void anEventMayGainAField() throws IOException {
        Map<String, Object> current = events();
        properties(current, "ContactAdded").put("nickname", Map.of("type", List.of("string", "null")));

        assertThat(ContractCompatibility.ofEvents(events(), current, VERSION)).isEmpty();
    }

    @Test
    void removingOrRenamingAnEventFieldBreaksUnlessTheVersionIsRaised() throws IOException {
        Map<String, Object> current = events();
        Object email = properties(current, "ContactAdded").remove("email");
        properties(current, "ContactAdded").put("emailAddress", email);

        assertThat(ContractCompatibility.ofEvents(events(), current, VERSION))
                .containsExactly("ContactAdded v1: field email was removed or renamed");

        schema(current, "ContactAdded").put(VERSION, 2);
        assertThat(ContractCompatibility.ofEvents(events(), current, VERSION)).isEmpty();
    }

    @Test
    void changingAFieldsTypeOrNullabilityOrANestedFieldBreaks() throws IOException {
        Map<String, Object> current = events();
        properties(current, "OutreachReplied").put("latencyBusinessDays", Map.of("type", "string"));
        properties(current, "ContactAdded").put("contactId", Map.of("type", List.of("string", "null")));
        properties(current, "Slot").remove("minutes");

        assertThat(ContractCompatibility.ofEvents(events(), current, VERSION)).containsExactlyInAnyOrder(
                "ContactAdded v1.contactId: may now be null",
                "OutreachReplied v1.latencyBusinessDays: type changed from integer to string",
                "InterviewProposed v1.slots[]: field minutes was removed or renamed");
    }

    @Test
    void removingAnEventOrLoweringItsVersionBreaks() throws IOException {
        Map<String, Object> current = events();
        messages(current).remove("ThankYouSent");
        schema(current, "ReminderDue").put(VERSION, 0);

        assertThat(ContractCompatibility.ofEvents(events(), current, VERSION)).containsExactlyInAnyOrder(
                "ThankYouSent: the event was removed", "ReminderDue: schema version went down from 1 to 0");
    }

    @Test
    void anApiMayGainOperationsFieldsAndEnumValuesButNotLoseOrTightenThem() throws IOException {
        Map<String, Object> released = api();
        Map<String, Object> current = api();
        List<Object> stages = new ArrayList<>(enumOf(current, "Entry", "status"));
        stages.add("POSTPONED");
        enumProperty(current, "Entry", "status").put("enum", stages);
        assertThat(ContractCompatibility.ofOpenApi(released, current)).isEmpty();

        enumProperty(current, "Entry", "status").put("enum", List.of("PROPOSED", "SCHEDULED"));
        ContractCompatibility.map(ContractCompatibility.map(current.get("paths")).get("/api/interviews")).remove("post");
        operation(current, "/api/interviews/{id}", "get").put("operationId", "fetchInterview");
        operation(current, "/api/interviews", "get").put("parameters",
                List.of(Map.of("name", "limit", "in", "query", "required", true, "schema", Map.of("type", "integer", "format", "int32"))));
        properties(current, "HeldRequest").put("actualMinutes", Map.of("type", "integer", "format", "int32", "minimum", 1, "maximum", 300));
        properties(current, "ScheduleRequest").put("start", Map.of("type", "string", "pattern", "^2"));

        assertThat(ContractCompatibility.ofOpenApi(released, current)).containsExactlyInAnyOrder(
                "POST /api/interviews: the operation was removed",
                "GET /api/interviews/{id}: operationId changed from getInterview to fetchInterview (generated clients call it by that name)",
                "GET /api/interviews: query parameter limit became required",
                "schema Entry.status: enum tightened, [CONFIRMED, HELD, NO_SHOW, CANCELLED] removed",
                "schema HeldRequest.actualMinutes: maximum tightened from 600 to 300",
                "schema ScheduleRequest.start: pattern changed from null to ^2");

        current.put("info", Map.of("version", "v2"));
        assertThat(ContractCompatibility.ofOpenApi(released, current)).as("a new major version is a new contract").isEmpty();
    }

    private static Map<String, Object> events() throws IOException {
        return AsyncApiDocument.document(Files.readString(Path.of("..", "docs", "events.md")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> api() throws IOException {
        return JSON.readValue(Path.of("..", "docs", "api", "scheduling-service.openapi.json").toFile(), Map.class);
    }

    private static Map<String, Object> schema(Map<String, Object> doc, String name) {
        return ContractCompatibility.map(ContractCompatibility.map(ContractCompatibility.map(doc.get("components")).get("schemas")).get(name));
    }

    private static Map<String, Object> properties(Map<String, Object> doc, String name) {
        return ContractCompatibility.map(schema(doc, name).get("properties"));
    }

    private static Map<String, Object> enumProperty(Map<String, Object> doc, String schema, String field) {
        return ContractCompatibility.map(properties(doc, schema).get(field));
    }

    private static List<Object> enumOf(Map<String, Object> doc, String schema, String field) {
        return ContractCompatibility.list(enumProperty(doc, schema, field).get("enum"));
    }

    private static Map<String, Object> operation(Map<String, Object> doc, String path, String method) {
        return ContractCompatibility.map(ContractCompatibility.map(ContractCompatibility.map(doc.get("paths")).get(path)).get(method));
    }

    private static Map<String, Object> messages(Map<String, Object> doc) {
        return ContractCompatibility.map(ContractCompatibility.map(doc.get("components")).get("messages"));
    }
}
