package io.rapport.scheduling;

import static io.rapport.scheduling.SchedulingTestSupport.archive;
import static io.rapport.scheduling.SchedulingTestSupport.knownContact;
import static io.rapport.scheduling.SchedulingTestSupport.proposal;
import static io.rapport.test.EventsOnTopic.header;
import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.Topics;
import io.rapport.platform.domain.Member;
import io.rapport.platform.messaging.CloudEventHeaders;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The interview lifecycle over HTTP, with every event read back from the real rapport.scheduling topic. */
@ServiceIntegrationTest
class InterviewApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    private Member alice;
    private ApiClient api;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        alice = new Member("alice", "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(alice.memberId(), alice.tenantId());
        events = new EventsOnTopic(kafka, Topics.SCHEDULING);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    static String inDays(int days, int hourUtc) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofHours(hourUtc)).toString();
    }

    @Test
    void proposeScheduleConfirmRescheduleAndCancelEachEmitTheirEvent() {
        String contact = knownContact(producer, api, alice, "Ada Lovelace", "America/New_York");
        String first = inDays(10, 9);
        String second = inDays(11, 15);

        ApiClient.Response proposed = api.header("X-Request-Id", "req-propose-1").post("/api/interviews", proposal(contact, first, second));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String id = proposed.text("id");
        assertThat(proposed.header("Location")).isEqualTo("/api/interviews/" + id);
        assertThat(proposed.text("status")).isEqualTo("PROPOSED");
        assertThat(proposed.text("contactName")).isEqualTo("Ada Lovelace");
        assertThat(proposed.json().path("proposedSlots").size()).isEqualTo(2);

        JsonNode proposedEvent = payload(events.await(ofType("InterviewProposed", id), Duration.ofSeconds(20)));
        assertThat(proposedEvent.path("contactId").asString()).isEqualTo(contact);
        assertThat(proposedEvent.path("slots").findValuesAsString("start")).containsExactly(first, second);
        assertThat(proposedEvent.path("format").path("kind").asString()).isEqualTo("VIDEO");
        assertThat(proposedEvent.path("format").path("link").asString()).isEqualTo("https://zoom.us/j/987654321");
        assertThat(proposedEvent.path("memberTimeZone").asString()).isEqualTo("Europe/Berlin");
        ConsumerRecord<String, byte[]> proposedRecord = events.await(ofType("InterviewProposed", id), Duration.ofSeconds(1));
        assertThat(proposedRecord.key()).isEqualTo("alice");
        assertThat(header(proposedRecord, CloudEventHeaders.SOURCE)).isEqualTo("/rapport/scheduling-service");
        assertThat(header(proposedRecord, CloudEventHeaders.CORRELATION)).isEqualTo("req-propose-1");

        ApiClient.Response scheduled = api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + second + "\"}");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
        assertThat(scheduled.json().path("slot").path("start").asString()).isEqualTo(second);
        JsonNode scheduledEvent = payload(events.await(ofType("InterviewScheduled", id), Duration.ofSeconds(20)));
        assertThat(scheduledEvent.path("start").asString()).isEqualTo(second);
        assertThat(scheduledEvent.path("minutes").asInt()).isEqualTo(30);
        assertThat(scheduledEvent.path("contactTimeZone").asString()).isEqualTo("America/New_York");

        assertThat(api.post("/api/interviews/" + id + "/confirm", "").text("status")).isEqualTo("CONFIRMED");
        JsonNode confirmedEvent = payload(events.await(ofType("InterviewConfirmed", id), Duration.ofSeconds(20)));
        assertThat(confirmedEvent.path("start").asString()).isEqualTo(second);

        String later = inDays(12, 13);
        ApiClient.Response moved = api.post("/api/interviews/" + id + "/reschedule", "{\"start\": \"" + later + "\", \"minutes\": 45}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("status")).as("a new time needs a new confirmation").isEqualTo("SCHEDULED");
        assertThat(moved.json().path("sequence").asInt()).isEqualTo(1);
        JsonNode movedEvent = payload(events.await(ofType("InterviewRescheduled", id), Duration.ofSeconds(20)));
        assertThat(movedEvent.path("previousStart").asString()).isEqualTo(second);
        assertThat(movedEvent.path("start").asString()).isEqualTo(later);
        assertThat(movedEvent.path("minutes").asInt()).isEqualTo(45);

        ApiClient.Response cancelled = api.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"Ada changed jobs\"}");
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        JsonNode cancelledEvent = payload(events.await(ofType("InterviewCancelled", id), Duration.ofSeconds(20)));
        assertThat(cancelledEvent.path("reason").asString()).isEqualTo("Ada changed jobs");

        ApiClient.Response again = api.post("/api/interviews/" + id + "/confirm", "");
        assertThat(again.status()).as("an illegal transition").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("interviewStatus")).isEqualTo("CANCELLED");
    }

    @Test
    void heldAndNoShowAreRefusedBeforeTheStartThenRecordedWithTheirFields() {
        // Real time is used, so the start is a few seconds ahead: enough for the steps before it on a slow machine.
        Member bob = new Member("bob", alice.tenantId());
        ApiClient bobApi = ApiClient.at("http://127.0.0.1:" + port).as(bob.memberId(), bob.tenantId());
        String grace = knownContact(producer, api, alice, "Grace Hopper", "America/New_York");
        String alan = knownContact(producer, bobApi, bob, "Alan Turing", "Europe/London");
        String start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS).toString();
        String held = confirmedAt(api, grace, start);
        String missed = confirmedAt(bobApi, alan, start);

        ApiClient.Response early = api.post("/api/interviews/" + held + "/held", "{\"actualMinutes\": 40}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.text("detail")).contains("before it starts");
        assertThat(bobApi.post("/api/interviews/" + missed + "/no-show", "").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(api.post("/api/interviews/" + held + "/held", "{\"actualMinutes\": 40}").status()).isEqualTo(200));
        Instant heldBy = Instant.now();
        ApiClient.Response twice = api.post("/api/interviews/" + held + "/held", "{\"actualMinutes\": 40}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("interviewStatus")).isEqualTo("HELD");
        ApiClient.Response afterwards = api.get("/api/interviews/" + held);
        assertThat(afterwards.text("status")).isEqualTo("HELD");
        assertThat(afterwards.json().path("overran").asBoolean()).isTrue();

        JsonNode event = payload(events.await(ofType("InterviewHeld", held), Duration.ofSeconds(20)));
        assertThat(event.path("interviewId").asString()).isEqualTo(held);
        assertThat(event.path("contactId").asString()).isEqualTo(grace);
        assertThat(event.path("start").asString()).isEqualTo(start);
        assertThat(event.path("plannedMinutes").asInt()).isEqualTo(30);
        assertThat(event.path("actualMinutes").asInt()).isEqualTo(40);
        assertThat(event.path("overran").asBoolean()).isTrue();
        // Held seconds after its start: holding ends it now, not 40 minutes after the start.
        assertThat(Instant.parse(event.path("endedAt").asString())).isBetween(Instant.parse(start), heldBy)
                .isEqualTo(Instant.parse(afterwards.text("endedAt")));
        assertThat(events.readFor(Duration.ofMillis(300))).filteredOn(ofType("InterviewHeld", held)::test).hasSize(1);

        assertThat(bobApi.post("/api/interviews/" + missed + "/no-show", "").status()).isEqualTo(200);
        JsonNode noShow = payload(events.await(ofType("InterviewNoShow", missed), Duration.ofSeconds(20)));
        assertThat(noShow.path("start").asString()).isEqualTo(start);
        assertThat(noShow.path("contactId").asString()).isEqualTo(alan);
        assertThat(bobApi.get("/api/interviews/" + missed).text("status")).isEqualTo("NO_SHOW");
    }

    private static String confirmedAt(ApiClient member, String contact, String start) {
        String id = member.post("/api/interviews", proposal(contact, start)).text("id");
        assertThat(member.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + start + "\"}").status()).isEqualTo(200);
        assertThat(member.post("/api/interviews/" + id + "/confirm", "").status()).isEqualTo(200);
        return id;
    }

    @Test
    void aSlotCloserThanTheBufferToABookedInterviewIsAConflictNamingIt() {
        String ada = knownContact(producer, api, alice, "Ada Lovelace", "Europe/London");
        String grace = knownContact(producer, api, alice, "Grace Hopper", "America/New_York");
        String nine = inDays(20, 9);
        String booked = api.post("/api/interviews", proposal(ada, nine)).text("id");
        api.post("/api/interviews/" + booked + "/schedule", "{\"start\": \"" + nine + "\"}");

        // 09:30 is back to back with 09:00-09:30, but the default buffer is 15 minutes.
        ApiClient.Response clash = api.post("/api/interviews", proposal(grace, inDays(20, 9).replace("T09:00", "T09:40")));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.text("conflictingInterviewId")).isEqualTo(booked);
        assertThat(clash.text("detail")).contains(booked);

        String eleven = inDays(20, 11);
        String other = api.post("/api/interviews", proposal(grace, eleven, inDays(21, 9))).text("id");
        String movedClash = api.post("/api/interviews/" + other + "/schedule", "{\"start\": \"" + eleven + "\"}").text("status");
        assertThat(movedClash).isEqualTo("SCHEDULED");
        ApiClient.Response rescheduleClash = api.post("/api/interviews/" + other + "/reschedule",
                "{\"start\": \"" + nine.replace("T09:00", "T09:15") + "\"}");
        assertThat(rescheduleClash.status()).isEqualTo(409);
        assertThat(rescheduleClash.text("conflictingInterviewId")).isEqualTo(booked);
        assertThat(api.get("/api/interviews/" + other).json().path("slot").path("start").asString())
                .as("nothing stored").isEqualTo(eleven);

        api.post("/api/interviews/" + booked + "/cancel", "{\"reason\": \"double-booked\"}");
        assertThat(api.post("/api/interviews/" + other + "/reschedule",
                "{\"start\": \"" + nine.replace("T09:00", "T09:15") + "\"}").status())
                .as("a cancelled interview frees its slot").isEqualTo(200);
    }

    @Test
    void concurrentBookingsOfOverlappingSlotsLetExactlyOneThrough() throws Exception {
        String contact = knownContact(producer, api, alice, "Popular Person", "Europe/London");
        String nine = inDays(25, 9);
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(api.post("/api/interviews", proposal(contact, nine)).text("id"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(ids.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String id : ids) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + nine + "\"}").status();
                }));
            }
            go.countDown();
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(ids.size() - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids.stream().map(id -> api.get("/api/interviews/" + id).text("status")))
                .filteredOn("SCHEDULED"::equals).hasSize(1);
    }

    @Test
    void aContactWithoutATimeZoneIsInvitedInTheMembersZoneAndTheAnswerSaysItWasAssumed() {
        String contact = knownContact(producer, api, alice, "No Zone Given", null);

        String withoutContactZone = proposal(contact, inDays(6, 9)).replace(", \"contactTimeZone\": \"America/New_York\"", "");
        assertThat(withoutContactZone).doesNotContain("contactTimeZone");

        ApiClient.Response proposed = api.post("/api/interviews", withoutContactZone);

        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.text("contactTimeZone")).isEqualTo("Europe/Berlin");
        assertThat(proposed.json().path("contactTimeZoneAssumed").asBoolean()).isTrue();
        ApiClient.Response stored = api.get("/api/interviews/" + proposed.text("id"));
        assertThat(stored.json().path("contactTimeZoneAssumed").asBoolean()).isTrue();
        String zoned = knownContact(producer, api, alice, "Zone Given", "America/New_York");
        assertThat(api.post("/api/interviews", proposal(zoned, inDays(7, 9))).json().path("contactTimeZoneAssumed")
                .asBoolean()).isFalse();
    }

    @Test
    void anUnknownOrArchivedContactCannotBeInvited() {
        ApiClient.Response unknown = api.post("/api/interviews", proposal("no-such-contact", inDays(5, 9)));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("contactId")).isEqualTo("no-such-contact");

        String contact = knownContact(producer, api, alice, "Archived Person", "Europe/Paris");
        archive(producer, api, alice, contact);
        assertThat(api.post("/api/interviews", proposal(contact, inDays(5, 9))).status()).isEqualTo(422);

        Member bob = new Member("bob", alice.tenantId());
        ApiClient bobApi = ApiClient.at("http://127.0.0.1:" + port).as(bob.memberId(), bob.tenantId());
        String alicesContact = knownContact(producer, api, alice, "Only Alice's", "Europe/Paris");
        assertThat(bobApi.post("/api/interviews", proposal(alicesContact, inDays(5, 9))).status())
                .as("another member's contact is unknown to bob").isEqualTo(422);
        assertThat(api.get("/api/interviews").json().size()).as("nothing stored").isZero();
    }

    @Test
    void badInputIsRefusedWithTheFieldAtFaultAndNothingIsStoredOrAnnounced() {
        String contact = knownContact(producer, api, alice, "Katherine Johnson", "America/New_York");
        String good = proposal(contact, inDays(5, 9));

        assertFields(api.post("/api/interviews", good.replace("Learn how Ada moved", "x".repeat(200))), "objective");
        assertFields(api.post("/api/interviews", good.replace("\"ZOOM\"", "\"SKYPE\"").replace("https://", "http://")),
                "format.platform", "format.link");
        assertFields(api.post("/api/interviews", good.replace("Europe/Berlin", "Berlin")), "memberTimeZone");
        assertFields(api.post("/api/interviews", proposal(contact, "2020-01-01T09:00:00Z")), "slots[0].start");
        assertFields(api.post("/api/interviews", good.replace("\"minutes\": 30", "\"minutes\": 90")), "slots[0].minutes");
        assertFields(api.post("/api/interviews", good.replace("\"minutes\": 30", "\"minutes\": 30.5")), "slots[0].minutes");
        assertFields(api.post("/api/interviews", good.replace("\"minutes\": 30", "\"minutes\": \"30\"")), "slots[0].minutes");
        assertFields(api.post("/api/interviews", good.replace(contact, "c".repeat(200_000))), "contactId");
        assertFields(api.post("/api/interviews/" + contact + "/held", "{\"actualMinutes\": 40.5}"), "actualMinutes");
        assertFields(api.post("/api/interviews/" + contact + "/held", "{\"actualMinutes\": \"40\"}"), "actualMinutes");
        assertFields(api.post("/api/interviews", good.replace("\"objective\"", "\"memberId\": \"bob\", \"objective\"")), "memberId");
        assertFields(api.post("/api/interviews", proposal(contact, inDays(5, 9), inDays(5, 10), inDays(5, 11),
                inDays(5, 12), inDays(5, 13))), "slots");
        ApiClient.Response malformed = api.post("/api/interviews", "{\"contactId\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/interviews").json().size()).isZero();
        assertThat(events.readFor(Duration.ofMillis(500)))
                .noneMatch(r -> alice.tenantId().equals(header(r, CloudEventHeaders.TENANT)));
    }

    @Test
    void aCancellationReasonLongerThanItsBoundIsRefusedAndTheInterviewStays() {
        String contact = knownContact(producer, api, alice, "Long Winded", "Europe/Rome");
        String id = api.post("/api/interviews", proposal(contact, inDays(7, 9))).text("id");

        assertFields(api.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"" + "x".repeat(200_000) + "\"}"), "reason");
        assertThat(api.get("/api/interviews/" + id).text("status")).isEqualTo("PROPOSED");
        assertThat(api.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"" + "x".repeat(500) + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void anotherMembersInterviewIsNotFound() {
        String contact = knownContact(producer, api, alice, "Private Person", "Europe/Rome");
        String id = api.post("/api/interviews", proposal(contact, inDays(6, 9))).text("id");
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.tenantId());
        ApiClient otherTenant = ApiClient.at("http://127.0.0.1:" + port).as("alice", "another-" + alice.tenantId());

        assertThat(bob.get("/api/interviews/" + id).status()).isEqualTo(404);
        assertThat(otherTenant.get("/api/interviews/" + id).status()).isEqualTo(404);
        assertThat(bob.post("/api/interviews/" + id + "/cancel", "{\"reason\": \"hijack\"}").status()).isEqualTo(404);
        assertThat(bob.get("/api/interviews/" + id + "/calendar.ics").status()).isEqualTo(404);
        assertThat(api.get("/api/interviews/" + id).text("status")).isEqualTo("PROPOSED");
        assertThat(ApiClient.at("http://127.0.0.1:" + port).get("/api/interviews").status()).isEqualTo(401);
    }

    @Test
    void theAgendaShowsAgreedInterviewsByDayInTheMembersZoneWithTheContactsLocalTimeBeside() {
        String contact = knownContact(producer, api, alice, "Night Owl", "America/New_York");
        Instant lateEvening = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(30)).plus(Duration.ofMinutes(23 * 60 + 30));
        String id = api.post("/api/interviews", proposal(contact, lateEvening.toString())).text("id");
        api.post("/api/interviews/" + id + "/schedule", "{\"start\": \"" + lateEvening + "\"}");
        api.post("/api/interviews", proposal(contact, lateEvening.plus(Duration.ofHours(5)).toString()));
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        java.time.LocalDate berlinDay = lateEvening.atZone(berlin).toLocalDate();
        java.time.LocalDate utcDay = lateEvening.atZone(java.time.ZoneOffset.UTC).toLocalDate();

        ApiClient.Response agenda = api.get("/api/interviews/agenda?from=" + utcDay + "&to=" + berlinDay.plusDays(1));

        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(agenda.text("timeZone")).as("the member's zone from their interviews").isEqualTo("Europe/Berlin");
        JsonNode days = agenda.json().path("days");
        assertThat(days.size()).as("proposed interviews have no place yet").isEqualTo(1);
        assertThat(days.get(0).path("date").asString()).isEqualTo(berlinDay.toString());
        JsonNode entry = days.get(0).path("entries").get(0);
        assertThat(entry.path("interviewId").asString()).isEqualTo(id);
        assertThat(entry.path("localStart").asString()).startsWith(lateEvening.atZone(berlin).toLocalTime().toString());
        assertThat(entry.path("contactTimeZone").asString()).isEqualTo("America/New_York");
        java.time.LocalDateTime contactStart = java.time.LocalDateTime.ofInstant(lateEvening, java.time.ZoneId.of("America/New_York"));
        assertThat(java.time.LocalDateTime.parse(entry.path("contactLocalStart").asString())).isEqualTo(contactStart);
        assertThat(entry.path("contactDayShift").asInt()).isEqualTo(-1);

        JsonNode inUtc = api.get("/api/interviews/agenda?from=" + utcDay + "&to=" + utcDay + "&timeZone=UTC").json();
        assertThat(inUtc.path("days").get(0).path("date").asString()).isEqualTo(utcDay.toString());
        assertFields(api.get("/api/interviews/agenda?from=" + berlinDay + "&to=" + utcDay.minusDays(1)), "to");
        assertFields(api.get("/api/interviews/agenda?from=yesterday&timeZone=Moon/Base"), "from", "to", "timeZone");
        assertThat(ApiClient.at("http://127.0.0.1:" + port).as("bob", alice.tenantId())
                .get("/api/interviews/agenda?from=" + utcDay + "&to=" + berlinDay).json().path("days").size())
                .as("bob sees none of alice's interviews").isZero();
    }

    @Test
    void theApiDocumentListsTheInterviewOperations() {
        ApiClient.Response docs = ApiClient.at("http://127.0.0.1:" + port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/api/interviews", "/api/interviews/{id}/held",
                "/api/interviews/agenda", "/api/interviews/{id}/calendar.ics", "/api/questions", "/api/calendar/feeds");
        JsonNode schemas = docs.json().path("components").path("schemas");
        assertThat(schemas.path("HeldRequest").path("properties").path("actualMinutes").path("maximum").asInt()).isEqualTo(600);
        assertThat(schemas.path("CancelRequest").path("properties").path("reason").path("maxLength").asInt()).isEqualTo(500);
    }

    static JsonNode payload(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    static void assertFields(ApiClient.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(fields);
    }
}
