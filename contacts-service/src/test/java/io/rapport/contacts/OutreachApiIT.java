package io.rapport.contacts;

import static io.rapport.test.EventsOnTopic.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.ContactUpdated;
import io.rapport.events.OutreachSent;
import io.rapport.events.Topics;
import io.rapport.platform.messaging.CloudEvents;
import io.rapport.test.ApiClient;
import io.rapport.test.EventsOnTopic;
import io.rapport.test.ServiceIntegrationTest;
import io.rapport.test.StoreCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Templates, the linter, the outreach log with its events, stage moves and touches, over HTTP and Kafka. */
@ServiceIntegrationTest
class OutreachApiIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    @Autowired
    StoreCommands store;

    private ApiClient alice;
    private ApiClient bob;
    private EventsOnTopic events;

    @BeforeEach
    void setUp() {
        String tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
        events = new EventsOnTopic(kafka, Topics.CONTACTS);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aTemplateRendersPerContactReportingMissingValuesAndLintingTheResult() {
        String referrer = alice.post("/api/contacts", "{\"name\": \"Ada Lovelace\"}").text("id");
        String grace = alice.post("/api/contacts", """
                {"name": "Grace Hopper", "employer": "Navy Labs", "role": "Compiler Lead",
                 "referredByContactId": "%s", "mayUseReferrerName": true}""".formatted(referrer)).text("id");
        ApiClient.Response unknown = alice.post("/api/templates", "{\"name\": \"Intro\", \"body\": \"Hi {{firstName}}, {{salary}}?\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("message").asString()).contains("salary");
        assertThat(alice.get("/api/templates").json().size()).as("nothing stored").isZero();

        String template = alice.post("/api/templates", """
                {"name": "Intro", "channel": "email", "body": "Dear {{firstName}},\\n{{referrerName}} suggested I write to you. I read about {{hook}}. Your work at {{employer}} as {{role}} is why you came to mind. Would you have 20 minutes for a call {{timeFrames}}?"}
                """).text("id");

        JsonNode draft = alice.post("/api/templates/" + template + "/render",
                "{\"contactId\": \"" + grace + "\", \"timeFrames\": \"next Tuesday or Wednesday afternoon\"}").json();

        assertThat(draft.path("complete").asBoolean()).isFalse();
        assertThat(draft.path("missing").get(0).asString()).isEqualTo("hook");
        assertThat(draft.path("text").asString()).startsWith("Dear Grace,\nAda Lovelace suggested I write to you. I read about {{hook}}.")
                .contains("Navy Labs as Compiler Lead", "next Tuesday or Wednesday afternoon?");
        assertThat(bob.post("/api/templates/" + template + "/render", "{\"contactId\": \"" + grace + "\"}").status()).isEqualTo(404);
    }

    @Test
    void aRenderIsNotAnEchoOfAnyLengthAndTheApiDocumentShowsTheBounds() {
        String grace = alice.post("/api/contacts", "{\"name\": \"Grace Hopper\"}").text("id");
        String template = alice.post("/api/templates",
                "{\"name\": \"Intro\", \"body\": \"Hi {{firstName}}, {{purpose}} {{timeFrames}}?\"}").text("id");
        String huge = "x".repeat(200_000);

        for (String field : new String[] {"purpose", "timeFrames"}) {
            ApiClient.Response refused = alice.post("/api/templates/" + template + "/render",
                    "{\"contactId\": \"" + grace + "\", \"" + field + "\": \"" + huge + "\"}");
            assertThat(refused.status()).as(field).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly(field);
            assertThat(refused.toString()).doesNotContain("xxxxxxxxxx");
        }
        ApiClient.Response rendered = alice.post("/api/templates/" + template + "/render",
                "{\"contactId\": \"" + grace + "\", \"purpose\": \"" + "p".repeat(500) + "\"}");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(alice.post("/api/outreach/lint", "{\"text\": \"" + "x".repeat(20_001) + "\"}").status()).isEqualTo(400);
        assertThat(alice.post("/api/contacts/" + grace + "/touches", "{\"kind\": \"coffee\", \"note\": \"" + "x".repeat(2001) + "\"}")
                .json().path("errors").findValuesAsString("field")).containsExactly("note");

        JsonNode schemas = ApiClient.at("http://127.0.0.1:" + port).get("/v3/api-docs").json().path("components").path("schemas");
        assertThat(schemas.path("RenderRequest").path("properties").path("purpose").path("maxLength").asInt()).isEqualTo(500);
        assertThat(schemas.path("TemplateRequest").path("properties").path("body").path("maxLength").asInt()).isEqualTo(10_000);
        assertThat(schemas.path("ContactRequest").path("properties").path("name").path("maxLength").asInt()).isEqualTo(200);
        assertThat(schemas.path("EmployerRequest").path("properties").path("motivation").path("maximum").asInt()).isEqualTo(3);
    }

    @Test
    void templatesAreTheMembersOwnAndCanBeChangedAndDeleted() {
        String id = alice.post("/api/templates", "{\"name\": \"Intro\", \"channel\": \"linkedin\", \"body\": \"Hi {{firstName}}\"}").text("id");

        ApiClient.Response changed = alice.put("/api/templates/" + id, "{\"name\": \"Intro 2\", \"body\": \"Hello {{ firstName }}, {{purpose}}\"}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("placeholders").get(1).asString()).isEqualTo("purpose");
        assertThat(alice.put("/api/templates/" + id, "{\"name\": \"Intro 3\", \"body\": \"{{nope}}\"}").status()).isEqualTo(400);
        assertThat(alice.get("/api/templates/" + id).text("name")).isEqualTo("Intro 2");
        assertThat(bob.get("/api/templates/" + id).status()).isEqualTo(404);
        assertThat(bob.delete("/api/templates/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/api/templates/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/api/templates/" + id).status()).isEqualTo(404);
    }

    @Test
    void theLinterReturnsFindingsWithRuleSeverityAndSpan() {
        String text = "I am looking for a job. Send me 20 minutes.";

        JsonNode findings = alice.post("/api/outreach/lint", "{\"text\": \"" + text + "\", \"channel\": \"email\"}").json().path("findings");

        assertThat(findings.findValuesAsString("rule")).contains("job-mention", "ask-not-question", "connection-not-first");
        JsonNode job = findings.get(findings.findValuesAsString("rule").indexOf("job-mention"));
        assertThat(text.substring(job.path("start").asInt(), job.path("end").asInt())).isEqualTo("job");
        assertThat(job.path("severity").asString()).isEqualTo("WARNING");
        assertThat(alice.post("/api/outreach/lint", "{\"text\": \"\"}").status()).isEqualTo(400);
        assertThat(alice.post("/api/outreach/lint", "{\"text\": \"Hi\", \"channel\": \"pigeon\"}").status()).isEqualTo(400);
    }

    @Test
    void sentAndRepliedOutreachIsLoggedAnnouncedAndClassesTheResponder() {
        String grace = alice.post("/api/contacts", "{\"name\": \"Grace Hopper\", \"employer\": \"Navy\"}").text("id");

        ApiClient.Response sent = alice.post("/api/contacts/" + grace + "/outreach", """
                {"channel": "email", "text": "Would you have 20 minutes for a call about your job?",
                 "sentAt": "2026-03-06T16:00:00Z", "memberTimeZone": "Europe/Berlin"}""");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.text("contactStage")).isEqualTo("OUTREACH_SENT");
        assertThat(sent.json().path("findings").findValuesAsString("rule")).contains("job-mention");
        String outreachId = sent.json().path("outreach").path("id").asString();
        String sentEvent = new String(events.await(ofType("OutreachSent", outreachId), Duration.ofSeconds(20)).value(), StandardCharsets.UTF_8);
        assertThat(sentEvent).contains("\"contactId\":\"" + grace + "\"", "\"employer\":\"Navy\"", "\"channel\":\"EMAIL\"",
                "\"memberTimeZone\":\"Europe/Berlin\"");

        ApiClient.Response replied = alice.post("/api/contacts/" + grace + "/outreach/" + outreachId + "/reply",
                "{\"outcome\": \"replied\", \"at\": \"2026-03-11T09:00:00Z\"}");

        assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
        assertThat(replied.text("contactStage")).isEqualTo("REPLIED");
        assertThat(replied.json().path("outreach").path("latencyBusinessDays").asInt()).isEqualTo(3);
        String repliedEvent = new String(events.await(ofType("OutreachReplied", outreachId), Duration.ofSeconds(20)).value(), StandardCharsets.UTF_8);
        assertThat(repliedEvent).contains("\"outcome\":\"REPLIED\"", "\"latencyBusinessDays\":3");
        assertThat(alice.get("/api/outreach/responders").json().path("QUICK").findValuesAsString("contactId")).containsExactly(grace);
        assertThat(alice.post("/api/contacts/" + grace + "/outreach/" + outreachId + "/reply", "{}").status())
                .as("answered once").isEqualTo(409);
        assertThat(bob.get("/api/contacts/" + grace + "/outreach").status()).isEqualTo(404);
    }

    @Test
    void theOutreachAnnouncedCarriesTheContactsIndustryOrElseItsEmployersAndTheContactItsLinkedInUrl() {
        String robotics = alice.post("/api/employers", "{\"name\": \"Acme\", \"industry\": \"Robotics\"}").text("id");
        String own = alice.post("/api/contacts", "{\"name\": \"Ada\", \"employerId\": \"" + robotics
                + "\", \"industry\": \"Fintech\", \"linkedInUrl\": \"https://www.linkedin.com/in/Ada-L/\"}").text("id");
        String viaEmployer = alice.post("/api/contacts", "{\"name\": \"Wile E.\", \"employerId\": \"" + robotics + "\"}")
                .text("id");
        String unknown = alice.post("/api/contacts", "{\"name\": \"Grace\", \"employer\": \"Navy\"}").text("id");

        assertThat(new String(events.await(ofType("ContactAdded", own), Duration.ofSeconds(20)).value(), StandardCharsets.UTF_8))
                .contains("\"linkedInUrl\":\"https://www.linkedin.com/in/Ada-L/\"");
        assertThat(industryOfOutreachTo(own)).isEqualTo("Fintech");
        assertThat(industryOfOutreachTo(viaEmployer)).as("the linked employer's industry").isEqualTo("Robotics");
        assertThat(industryOfOutreachTo(unknown)).as("neither is known").isNull();

        alice.put("/api/contacts/" + own, "{\"name\": \"Ada\", \"linkedInUrl\": \"linkedin.com/in/ada-lovelace\"}");
        ContactUpdated updated = (ContactUpdated) CloudEvents.read(events.await(ofType("ContactUpdated", own)
                .and(record -> ((ContactUpdated) CloudEvents.read(record).payload()).changedFields().contains("linkedInUrl")),
                Duration.ofSeconds(20))).payload();
        assertThat(updated.linkedInUrl()).isEqualTo("linkedin.com/in/ada-lovelace");
    }

    private String industryOfOutreachTo(String contactId) {
        ApiClient.Response sent = alice.post("/api/contacts/" + contactId + "/outreach",
                "{\"channel\": \"email\", \"memberTimeZone\": \"Europe/Berlin\"}");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        OutreachSent event = (OutreachSent) CloudEvents.read(events.await(ofType("OutreachSent",
                sent.json().path("outreach").path("id").asString()), Duration.ofSeconds(20))).payload();
        return event.industry();
    }

    @Test
    void noResponseMakesANonResponderAndAnUnknownTimeZoneIsRefused() {
        String linus = alice.post("/api/contacts", "{\"name\": \"Linus\"}").text("id");
        assertThat(alice.post("/api/contacts/" + linus + "/outreach", "{\"channel\": \"linkedin\", \"memberTimeZone\": \"Mars/Base\"}")
                .json().path("errors").findValuesAsString("field")).containsExactly("memberTimeZone");
        assertThat(alice.post("/api/contacts/" + linus + "/outreach", "{\"text\": \"Hi\"}").json().path("errors")
                .findValuesAsString("field")).containsExactly("channel");
        String outreachId = alice.post("/api/contacts/" + linus + "/outreach", "{\"channel\": \"linkedin\"}")
                .json().path("outreach").path("id").asString();

        ApiClient.Response none = alice.post("/api/contacts/" + linus + "/outreach/" + outreachId + "/no-response", "{}");

        assertThat(none.text("contactStage")).isEqualTo("NO_RESPONSE");
        assertThat(alice.get("/api/contacts/" + linus + "/outreach").text("responsiveness")).isEqualTo("NON_RESPONDER");
        assertThat(alice.get("/api/contacts/" + linus).json().path("outreach").size()).isEqualTo(1);
    }

    @Test
    void illegalStageMovesAreConflictsNamingTheAllowedStagesAndArchivingIsAnnounced() {
        String id = alice.post("/api/contacts", "{\"name\": \"Ken Thompson\"}").text("id");

        ApiClient.Response illegal = alice.put("/api/contacts/" + id + "/stage", "{\"stage\": \"THANKED\"}");

        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().path("allowedStages").get(0).asString()).isEqualTo("OUTREACH_SENT");
        assertThat(alice.put("/api/contacts/" + id + "/stage", "{\"stage\": \"LOST\"}").status()).isEqualTo(400);
        assertThat(alice.get("/api/contacts/" + id).text("stage")).isEqualTo("IDENTIFIED");

        ApiClient.Response archived = alice.put("/api/contacts/" + id + "/stage", "{\"stage\": \"archived\", \"reason\": \"retired\"}");

        assertThat(archived.text("stage")).isEqualTo("ARCHIVED");
        String event = new String(events.await(ofType("ContactArchived", id), Duration.ofSeconds(20)).value(), StandardCharsets.UTF_8);
        assertThat(event).contains("\"reason\":\"retired\"");
        assertThat(alice.post("/api/contacts/" + id + "/outreach", "{\"channel\": \"email\"}").status()).isEqualTo(409);
    }

    @Test
    void aTouchUpdatesTheLastInteractionAndIsAnnounced() {
        String id = alice.post("/api/contacts", "{\"name\": \"Barbara Liskov\"}").text("id");

        ApiClient.Response touched = alice.post("/api/contacts/" + id + "/touches",
                "{\"kind\": \"article shared\", \"note\": \"Sent the CLU retrospective\", \"at\": \"2026-05-04T10:00:00Z\"}");

        assertThat(touched.status()).as(touched.toString()).isEqualTo(201);
        assertThat(touched.text("lastInteractionAt")).isEqualTo("2026-05-04T10:00:00Z");
        String event = new String(events.await(ofType("ContactTouched", id), Duration.ofSeconds(20)).value(), StandardCharsets.UTF_8);
        assertThat(event).contains("\"kind\":\"ARTICLE_SHARED\"", "\"note\":\"Sent the CLU retrospective\"");
        assertThat(alice.post("/api/contacts/" + id + "/touches", "{\"kind\": \"telepathy\"}").status()).isEqualTo(400);
        assertThat(alice.post("/api/contacts/" + id + "/touches", "{\"kind\": \"call\", \"at\": \"yesterday\"}").status()).isEqualTo(400);
        assertThat(bob.post("/api/contacts/" + id + "/touches", "{\"kind\": \"call\"}").status()).isEqualTo(404);
        assertThat(alice.get("/api/contacts/" + id).json().path("touches").size()).isEqualTo(1);
    }

    @Test
    void anOutreachOrATouchReadsTheContactOnceAndWritesItOnce() {
        // Each round trip to the store is latency the member waits for and CPU on both sides: a change that keeps
        // the contact's identity (e-mail, LinkedIn, name and employer) needs no look for a duplicate, and the
        // linter judges the draft against the contact just read.
        String id = alice.post("/api/contacts", "{\"name\": \"Frances Allen\", \"email\": \"fran@ibm.example\", \"employer\": \"IBM\"}")
                .text("id");

        List<String> outreach = store.of(() -> assertThat(alice.post("/api/contacts/" + id + "/outreach",
                "{\"channel\": \"email\", \"text\": \"Hi Frances, would you have 20 minutes for a call next week?\"}")
                .status()).isEqualTo(201));
        List<String> touch = store.of(() -> assertThat(alice.post("/api/contacts/" + id + "/touches",
                "{\"kind\": \"call\"}").status()).isEqualTo(201));

        assertThat(outreach).containsExactly("find contacts", "update contacts");
        assertThat(touch).containsExactly("find contacts", "update contacts");
    }
}
