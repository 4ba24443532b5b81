package io.rapport.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/asyncapi.yaml is the contract integrators consume the topics with: it must match the catalogue. */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void docsAsyncapiYamlIsWhatTheCatalogueGenerates() throws IOException {
        String generated = AsyncApiDocument.yaml(Files.readString(DOCS.resolve("events.md")));
        Path file = DOCS.resolve("asyncapi.yaml");
        if (Boolean.getBoolean("rapport.api.write")) {
            Files.writeString(file, generated);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "")
                .as("docs/asyncapi.yaml must be what the event catalogue generates; rewrite it with"
                        + " ./mvnw -B -o test -pl platform -Dtest=AsyncApiDocumentTest -Drapport.api.write=true and review the diff")
                .isEqualTo(generated);
    }

    @Test
    void theGatewayServesTheSameDocument() throws IOException {
        // The gateway serves it at /asyncapi.yaml (a static resource), next to its Swagger UI.
        Path served = Path.of("..", "gateway", "src", "main", "resources", "static", "asyncapi.yaml");
        String generated = AsyncApiDocument.yaml(Files.readString(DOCS.resolve("events.md")));
        if (Boolean.getBoolean("rapport.api.write")) {
            Files.writeString(served, generated);
        }
        assertThat(Files.exists(served) ? Files.readString(served) : "").as(served + " is docs/asyncapi.yaml").isEqualTo(generated);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyEventIsAMessageOnItsProducersTopicWithItsVersionAndFields() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(DOCS.resolve("asyncapi.yaml")));
        Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
        Map<String, Object> components = (Map<String, Object>) doc.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> messages = (Map<String, Object>) components.get("messages");

        for (EventType type : EventCatalogue.all()) {
            Map<String, Object> channel = (Map<String, Object>) channels.get(type.producer().name().toLowerCase());
            assertThat(channel.get("address")).isEqualTo(type.producer().topic());
            assertThat((Map<String, Object>) channel.get("messages")).as(type.name()).containsKey(type.name());
            assertThat(messages).containsKey(type.name());
            Map<String, Object> payload = (Map<String, Object>) schemas.get(type.name());
            assertThat(payload.get(AsyncApiDocument.VERSION_KEY)).as(type.name()).isEqualTo(type.schemaVersion());
            assertThat(((Map<String, Object>) payload.get("properties")).keySet()).as(type.name() + " fields")
                    .containsExactlyElementsOf(Arrays.stream(type.payload().getRecordComponents()).map(RecordComponent::getName).toList());
        }
        assertThat(messages).hasSameSizeAs(EventCatalogue.all());
    }

    @Test
    void docsEventsMdListsEachEventsPayloadFieldsAsTheRecordHasThem() throws IOException {
        String md = Files.readString(DOCS.resolve("events.md"));
        for (EventType type : EventCatalogue.all()) {
            Matcher section = Pattern.compile("(?s)### " + type.name() + "\\s*\\n.*?- payload: ([^\\n]+)").matcher(md);
            assertThat(section.find()).as("docs/events.md lists the payload of " + type.name()).isTrue();
            // Remarks in parentheses and nested fields in [..] or {..} are not top-level fields.
            String fields = section.group(1).replaceAll("\\([^)]*\\)|\\[[^]]*]|\\{[^}]*}", "");
            List<String> listed = Arrays.stream(fields.split(",")).map(String::trim).toList();
            assertThat(listed).as("payload of " + type.name() + " in docs/events.md")
                    .containsExactlyElementsOf(Arrays.stream(type.payload().getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }
}
