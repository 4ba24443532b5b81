package io.rapport.reminders;

import static io.rapport.reminders.Times.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.events.ActionItemCreated;
import io.rapport.events.MemberDataErased;
import io.rapport.events.OutreachSent;
import io.rapport.platform.domain.Member;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.reminders.reminders.Reminder;
import io.rapport.reminders.reminders.ReminderRule;
import io.rapport.test.ApiClient;
import io.rapport.test.TestClock;
import io.rapport.test.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The in-app inbox, preferences, export and erasure, as a member uses them through the API. */
@RemindersServiceTest
class InboxApiIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> producer;

    @Autowired
    TestClock clock;

    @Autowired
    BackgroundWorker delivery;

    private Member member;
    private ApiClient api;

    @BeforeEach
    void newMember() {
        clock.set(at("2026-03-02T08:00", BERLIN));
        member = new Member("grace", "uni-" + UUID.randomUUID());
        api = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), member.tenantId());
    }

    @Test
    void aDueReminderCanBeSnoozedThenMarkedDone() {
        String id = deliveredActionItem("a-1");

        ApiClient.Response snoozed = api.post("/api/reminders/" + id + "/snooze",
                "{\"until\":\"" + clock.instant().plus(Duration.ofHours(3)) + "\"}");
        assertThat(snoozed.status()).as(snoozed.toString()).isEqualTo(200);
        assertThat(snoozed.text("status")).isEqualTo("SCHEDULED");
        assertThat(api.get("/api/reminders").json().path("upcoming").findValuesAsString("id")).containsExactly(id);

        clock.advance(Duration.ofHours(3));
        delivery.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + id).text("status")));
        ApiClient.Response done = api.post("/api/reminders/" + id + "/done", "");

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text("status")).isEqualTo("DONE");
        JsonNode inbox = api.get("/api/reminders").json();
        assertThat(inbox.path("due").size() + inbox.path("overdue").size() + inbox.path("upcoming").size()).isZero();
        assertThat(api.post("/api/reminders/" + id + "/done", "").status()).as("done twice is still done").isEqualTo(200);
        ApiClient.Response snoozeDone = api.post("/api/reminders/" + id + "/snooze",
                "{\"until\":\"" + clock.instant().plus(Duration.ofHours(3)) + "\"}");
        assertThat(snoozeDone.status()).isEqualTo(409);
        assertThat(snoozeDone.json().path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void aDismissedReminderLeavesTheInbox() {
        String id = deliveredActionItem("a-2");

        assertThat(api.post("/api/reminders/" + id + "/dismiss", "").text("status")).isEqualTo("DISMISSED");

        assertThat(api.get("/api/reminders").json().path("due").size()).isZero();
    }

    @Test
    void aSnoozeInThePastOrWithoutATimeIsRefusedNamingTheField() {
        String id = deliveredActionItem("a-3");

        ApiClient.Response past = api.post("/api/reminders/" + id + "/snooze", "{\"until\":\"2020-01-01T00:00:00Z\"}");
        ApiClient.Response missing = api.post("/api/reminders/" + id + "/snooze", "{}");
        ApiClient.Response garbled = api.post("/api/reminders/" + id + "/snooze", "{\"until\":\"tomorrow\"}");

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.contentType()).startsWith("application/problem+json");
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("until");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().path("errors").get(0).path("field").asString()).isEqualTo("until");
        assertThat(api.get("/api/reminders/" + id).text("status")).isEqualTo("DELIVERED");
    }

    @Test
    void anotherMembersReminderIsNotFound() {
        String id = deliveredActionItem("a-4");
        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", member.tenantId());
        ApiClient otherTenant = ApiClient.at("http://127.0.0.1:" + port).as(member.memberId(), "other-" + member.tenantId());

        assertThat(bob.get("/api/reminders/" + id).status()).isEqualTo(404);
        assertThat(bob.post("/api/reminders/" + id + "/done", "").status()).isEqualTo(404);
        assertThat(otherTenant.post("/api/reminders/" + id + "/dismiss", "").status()).isEqualTo(404);
        assertThat(bob.get("/api/reminders").json().path("due").size()).isZero();
        assertThat(api.get("/api/reminders/" + id).text("status")).isEqualTo("DELIVERED");
    }

    @Test
    void preferencesAreSavedAndBadOnesRefusedWithNothingStored() {
        ApiClient.Response defaults = api.get("/api/preferences");
        assertThat(defaults.text("morningHour")).isEqualTo("09:00");
        assertThat(defaults.json().path("keepInTouchDays").asInt()).isEqualTo(90);

        ApiClient.Response saved = api.put("/api/preferences", """
                {"timeZone":"Asia/Tokyo","morningHour":"08:30","channels":["IN_APP","EMAIL"],"email":"grace@example.com",
                 "digest":false,"quietHours":{"start":"22:00","end":"07:00"},"holidays":["2026-05-05"],"keepInTouchDays":60}
                """);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        ApiClient.Response bad = api.put("/api/preferences", """
                {"timeZone":"Moon/Base","morningHour":"06:00","keepInTouchDays":1,"holidays":["soon"]}
                """);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("timeZone", "keepInTouchDays", "holidays[0]");
        ApiClient.Response unknownField = api.put("/api/preferences", "{\"timezone\":\"Asia/Tokyo\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        for (String[] refused : new String[][] {{"{\"keepInTouchDays\": 30.5}", "keepInTouchDays"},
                {"{\"keepInTouchDays\": \"30\"}", "keepInTouchDays"}, {"{\"keepInTouchDays\": 1e20}", "keepInTouchDays"},
                {"{\"keepInTouchDays\": 731}", "keepInTouchDays"}, {"{\"digest\": \"true\"}", "digest"},
                {"{\"channels\": [\"IN_APP\", \"pigeon\"]}", "channels[1]"},
                {"{\"timeZone\": \"" + "x".repeat(200_000) + "\"}", "timeZone"}}) {
            ApiClient.Response response = api.put("/api/preferences", refused[0]);
            assertThat(response.status()).as(refused[1] + " → " + response).isEqualTo(400);
            assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(refused[1]);
        }
        assertThat(api.put("/api/preferences", "{\"channels\": [\"pigeon\"]}").json().path("errors").get(0)
                .path("message").asString()).isEqualTo("must be one of IN_APP, EMAIL");

        JsonNode stored = api.get("/api/preferences").json();
        assertThat(stored.path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(stored.path("timeZoneChosen").asBoolean()).isTrue();
        assertThat(stored.path("morningHour").asString()).isEqualTo("08:30");
        assertThat(stored.path("channels").toString()).contains("EMAIL", "IN_APP");
        assertThat(stored.path("quietHours").path("start").asString()).isEqualTo("22:00");
        assertThat(stored.path("holidays").get(0).asString()).isEqualTo("2026-05-05");
        assertThat(stored.path("keepInTouchDays").asInt()).isEqualTo(60);
    }

    @Test
    void theZoneOfTheMembersEventsIsUsedUntilTheyChooseOne() {
        send(TestEvents.record(new OutreachSent("o-1", "c-1", "Acme", "EMAIL", "America/New_York",
                at("2026-03-02T10:00", ZoneId.of("America/New_York")), null), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders").json().path("upcoming").size() == 2);
        assertThat(api.get("/api/preferences").text("timeZone")).isEqualTo("America/New_York");
        assertThat(api.get("/api/preferences").json().path("timeZoneChosen").asBoolean()).isFalse();
    }

    @Test
    void theExportHoldsEverythingAndErasureRemovesIt() {
        String id = deliveredActionItem("a-5");
        api.put("/api/preferences", "{\"timeZone\":\"Europe/Berlin\"}");

        JsonNode export = api.get("/api/reminders/export").json();
        assertThat(export.path("memberId").asString()).isEqualTo(member.memberId());
        assertThat(export.path("preferences").path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(export.path("reminders").findValuesAsString("id")).containsExactly(id);
        assertThat(export.path("reminders").get(0).path("title").asString()).contains("Send the portfolio");

        Member neighbour = new Member("neighbour", member.tenantId());
        send(TestEvents.record(new ActionItemCreated("n-1", "i-1", null, "Stay", LocalDate.parse("2026-03-20")), neighbour));
        send(TestEvents.record(new MemberDataErased(member.memberId(), clock.instant()), member));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders/" + id).status() == 404);
        JsonNode after = api.get("/api/reminders/export").json();
        assertThat(after.path("reminders").size()).isZero();
        assertThat(after.path("preferences").isNull()).isTrue();
        ApiClient neighbourApi = ApiClient.at("http://127.0.0.1:" + port).as(neighbour.memberId(), neighbour.tenantId());
        await().atMost(Duration.ofSeconds(30)).until(() -> neighbourApi.get("/api/reminders/export").json()
                .path("reminders").size() == 1);
    }

    @Test
    void anEventFromBeforeTheErasureRedeliveredAfterItBringsNoReminderBack() {
        String sentEventId = UUID.randomUUID().toString();
        Instant sentEventTime = Instant.now();
        OutreachSent sent = new OutreachSent("o-9", "c-9", "Northwind", "EMAIL", "Europe/Berlin",
                at("2026-03-02T10:00", BERLIN), null);
        send(TestEvents.record(sent, member, sentEventId, sentEventTime));
        String followUp = Reminder.idFor(member, ReminderRule.FOLLOW_UP_ONCE, "o-9");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders/" + followUp).status() == 200);

        Instant erasedAt = Instant.now();
        send(TestEvents.record(new MemberDataErased(member.memberId(), erasedAt), member, "erase-" + UUID.randomUUID(),
                erasedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders/" + followUp).status() == 404);

        send(TestEvents.record(sent, member, sentEventId, sentEventTime));
        // What she does after the erasure is hers: its reminder shows the replay before it has been handled.
        send(TestEvents.record(new ActionItemCreated("a-after", "i-1", null, "Start again",
                LocalDate.parse("2026-03-20")), member));
        String after = Reminder.idFor(member, ReminderRule.ACTION_ITEM, "a-after");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/reminders/" + after).status() == 200);
        assertThat(api.get("/api/reminders/" + followUp).status()).as("the replayed outreach's follow-up").isEqualTo(404);
        assertThat(api.get("/api/reminders/export").json().path("reminders").findValuesAsString("id"))
                .containsExactly(after);
    }

    /** An action item due this morning: delivered to the inbox at once. */
    private String deliveredActionItem(String itemId) {
        send(TestEvents.record(new ActionItemCreated(itemId, "i-1", null, "Send the portfolio to Lin",
                LocalDate.parse("2026-03-02")), member));
        String id = Reminder.idFor(member, ReminderRule.ACTION_ITEM, itemId);
        clock.set(at("2026-03-02T09:00", ZoneId.of("UTC")));
        delivery.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.get("/api/reminders/" + id).text("status")));
        return id;
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record).join();
    }
}
