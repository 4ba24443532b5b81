package io.rapport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.AsyncApiDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contracts as they are now against the last released ones, kept in docs/api/released/: a
 * change that would break a consumer fails the build unless it raises the version
 * (docs/api-versioning.md). At a release, the current documents are copied there.
 */
class ReleasedContractsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path RELEASED = DOCS.resolve("api").resolve("released");

    @Test
    void theEventsTheCatalogueDefinesAreCompatibleWithTheReleasedOnes() throws IOException {
        Map<String, Object> released = new Yaml().load(Files.readString(RELEASED.resolve("asyncapi.yaml")));
        Map<String, Object> current = AsyncApiDocument.document(Files.readString(DOCS.resolve("events.md")));

        assertThat(ContractCompatibility.ofEvents(released, current, AsyncApiDocument.VERSION_KEY))
                .as("breaking changes to events without a raised schemaVersion (EventCatalogue) since docs/api/released/asyncapi.yaml")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"contacts-service", "scheduling-service", "notes-service", "reminders-service"})
    void eachServicesApiIsCompatibleWithTheReleasedOne(String service) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> released = json.readValue(RELEASED.resolve(service + ".openapi.json").toFile(), Map.class);
        Map<String, Object> current = json.readValue(DOCS.resolve("api").resolve(service + ".openapi.json").toFile(), Map.class);

        assertThat(ContractCompatibility.ofOpenApi(released, current))
                .as("breaking changes to the " + service + " API since docs/api/released/" + service + ".openapi.json")
                .isEmpty();
    }
}
