package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.rapport.contacts.contacts.ContactBook;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.Topics;
import io.rapport.platform.deadletters.DeadLetter;
import io.rapport.platform.deadletters.DeadLetterCommand;
import io.rapport.platform.deadletters.DeadLetters;
import io.rapport.platform.domain.Member;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.TestEvents;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The way back from a dead-letter topic, through the documented command ({@code ./rapport dlt}): an event fails
 * while the contact book cannot take it (an outage, simulated on the real book), is retried, parked in its
 * {@code .DLT} with the failure; once the cause is fixed it is re-driven and applied, and re-driving it again
 * changes nothing.
 */
@ServiceIntegrationTest
class DeadLetterRedriveIT {

    private static final String DLT = Topics.deadLetter(Topics.SCHEDULING);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @MockitoSpyBean
    ContactBook book;

    @Test
    void aParkedEventIsListedWithItsFailureAndOnceTheCauseIsFixedReDrivenAndAppliedOnce() {
        Member alice = new Member("alice", "uni-" + UUID.randomUUID());
        ApiClient api = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
        String contactId = api.post("/api/contacts", "{\"name\": \"Grace Hopper\"}").text("id");
        String eventId = "sched-" + UUID.randomUUID();
        doThrow(new IllegalStateException("contacts store unavailable"))
                .when(book).interviewScheduled(eq(eventId), any(), any(), any());

        producer.send(TestEvents.record(scheduled("i-1", contactId), alice, eventId)).join();

        DeadLetter parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedEvent(eventId), letter -> letter != null);
        assertThat(parked.originalTopic()).isEqualTo(Topics.SCHEDULING);
        assertThat(parked.consumerGroup()).isEqualTo("contacts-service");
        assertThat(parked.exceptionClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(parked.exceptionMessage()).contains("contacts store unavailable");
        assertThat(parked.originalOffset()).isNotNull();
        String listed = command("list", DLT);
        System.out.print(listed);
        assertThat(listed).contains(parked.position(), eventId, "InterviewScheduled", "contacts store unavailable",
                "from rapport.scheduling partition " + parked.originalPartition() + " offset " + parked.originalOffset(),
                "failed in contacts-service");
        assertThat(api.get("/api/contacts/" + contactId).text("stage")).isEqualTo("IDENTIFIED");

        doCallRealMethod().when(book).interviewScheduled(eq(eventId), any(), any(), any());
        assertThat(command("redrive", DLT, "--at=" + parked.position())).contains("1 record(s) re-driven");

        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(api.get("/api/contacts/" + contactId).text("stage")));
        assertThat(api.get("/api/contacts/" + contactId).json().path("version").asLong()).isEqualTo(2);

        assertThat(command("redrive", DLT, "--event=" + eventId)).contains("1 record(s) re-driven");
        // A marker after the second re-drive, on the same member's partition: once it is applied, so was the re-drive.
        String marker = api.post("/api/contacts", "{\"name\": \"Marker\"}").text("id");
        producer.send(TestEvents.record(scheduled("i-2", marker), alice)).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SCHEDULED".equals(api.get("/api/contacts/" + marker).text("stage")));
        assertThat(api.get("/api/contacts/" + contactId).json().path("version").asLong())
                .as("added, then scheduled once: the second re-drive changed nothing").isEqualTo(2);
    }

    @Test
    void theCommandRefusesWhatItCannotDoWithAClearMessageAndCreatesNoTopic() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(DeadLetterCommand.run(List.of("redrive", DLT), Map.of(), quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exactly one of --at, --event or --all");
        assertThat(DeadLetterCommand.run(List.of("list", Topics.SCHEDULING), Map.of(), quiet, quiet)).isEqualTo(2);

        ByteArrayOutputStream missing = new ByteArrayOutputStream();
        assertThat(DeadLetterCommand.run(List.of("list", "rapport.nothing.DLT", "--kafka=" + kafka), Map.of(), quiet,
                new PrintStream(missing, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(missing.toString(StandardCharsets.UTF_8)).contains("No topic rapport.nothing.DLT");
        try (DeadLetters deadLetters = new DeadLetters(kafka)) {
            assertThat(deadLetters.topics()).as("asking did not create it").doesNotContain("rapport.nothing.DLT");
        }
    }

    private DeadLetter parkedEvent(String eventId) {
        try (DeadLetters deadLetters = new DeadLetters(kafka)) {
            return deadLetters.list(DLT).stream().filter(letter -> eventId.equals(letter.eventId())).findFirst().orElse(null);
        }
    }

    private String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.add("--kafka=" + kafka);
        int exit = DeadLetterCommand.run(arguments, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static InterviewScheduled scheduled(String interviewId, String contactId) {
        return new InterviewScheduled(interviewId, contactId, Instant.now().plusSeconds(86_400), 30, null, "UTC", "UTC");
    }
}
