package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLogsOnFailureTest {

    @Test
    void aFailureCarriesEachServicesRestartsAndLastWarnings(@TempDir Path logs) throws IOException {
        Files.writeString(logs.resolve("notes-service.log"), """
                ===== notes-service starting at 2026-11-29 19:17:07: java -jar notes-service.jar
                {"log":{"level":"INFO"},"message":"Started"}
                {"log":{"level":"ERROR"},"message":"Listener failed: InterviewHeld"}
                ===== notes-service starting at 2026-11-29 19:19:07: java -jar notes-service.jar
                """);
        Files.writeString(logs.resolve("kafka.log"), "{\"log\":{\"level\":\"WARN\"},\"message\":\"broker chatter\"}\n");

        String summary = ServiceLogsOnFailure.summary(logs);

        assertThat(summary).contains("notes-service: started 2 time(s), 1 warning(s) or error(s)",
                "Listener failed: InterviewHeld").doesNotContain("Started", "broker chatter");
    }
}
