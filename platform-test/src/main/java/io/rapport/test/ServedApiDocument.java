package io.rapport.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document a running service serves, kept in the repository as
 * {@code docs/api/<service>.openapi.json}: integrators (and Spectral, the generated client and the
 * compatibility check) read that file, so it must be exactly what the service serves. A changed API
 * fails its service's build until the file is rewritten with {@code -Drapport.api.write=true} and
 * the diff is reviewed with the change.
 */
public final class ServedApiDocument {

    /** Written with sorted keys and indentation, so a change reads as a small diff. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private ServedApiDocument() {
    }

    /**
     * Fetches {@code /v3/api-docs} from the service on {@code port}, writes it to
     * {@code target/openapi/<service>.json} and asserts the checked-in copy is the same document.
     */
    public static void assertCheckedIn(int port, String service) {
        String served = canonical(fetch(port));
        Path checkedIn = repositoryRoot().resolve("docs/api/" + service + ".openapi.json");
        write(Path.of("target", "openapi", service + ".json"), served);
        if (Boolean.getBoolean("rapport.api.write")) {
            write(checkedIn, served);
        }
        String kept = Files.exists(checkedIn) ? read(checkedIn) : "";
        assertThat(kept)
                .as("%s must be what %s serves at /v3/api-docs (served copy: target/openapi/%s.json;"
                        + " rewrite with -Drapport.api.write=true and review the diff)", checkedIn, service, service)
                .isEqualTo(served);
    }

    static String canonical(String json) {
        JsonNode tree = CANONICAL.readTree(json);
        return CANONICAL.writeValueAsString(tree) + "\n";
    }

    private static String fetch(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tests run in their module's folder; the repository root is the first parent holding {@code docs/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
