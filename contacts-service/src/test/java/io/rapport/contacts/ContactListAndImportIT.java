package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.platform.web.IdentityTokens;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filters, sorting and paging of the contact list; the LinkedIn import (a job); the pool's coverage. */
@ServiceIntegrationTest
class ContactListAndImportIT {

    static final String PREAMBLE = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email"

            """;
    static final String HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String tenant;
    private ApiClient alice;

    @BeforeEach
    void setUp() {
        tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
    }

    @Test
    void listsFilterByEveryCriterionAndPageByNameInAStableOrder() {
        add("{\"name\": \"dora Diaz\", \"employer\": \"Acme\", \"role\": \"Data Scientist\", \"source\": \"alumni\", \"careerStage\": \"early career\", \"tags\": [\"AI\"]}");
        add("{\"name\": \"Carl Chen\", \"employer\": \"acme \", \"role\": \"Engineer\", \"source\": \"linkedin\", \"careerStage\": \"senior\"}");
        add("{\"name\": \"Bea Brown\", \"employer\": \"Globex\", \"role\": \"Data Engineer\", \"source\": \"alumni\", \"tags\": [\"ai\", \"friend\"]}");
        add("{\"name\": \"Abe Adams\", \"employer\": \"Initech\", \"role\": \"Manager (Data)\", \"source\": \"directory\"}");
        add("{\"name\": \"Abe Adams\", \"employer\": \"Umbrella\", \"role\": \"Chemist\", \"source\": \"directory\"}");

        assertThat(names("/api/contacts?employer=ACME")).containsExactly("dora Diaz", "Carl Chen");
        assertThat(names("/api/contacts?source=alumni")).containsExactly("dora Diaz", "Bea Brown");
        assertThat(names("/api/contacts?careerStage=SENIOR")).containsExactly("Carl Chen");
        assertThat(names("/api/contacts?tag=AI")).containsExactly("dora Diaz", "Bea Brown");
        assertThat(names("/api/contacts?q=data")).containsExactly("dora Diaz", "Bea Brown", "Abe Adams");
        assertThat(names("/api/contacts?q=(data)")).as("the text is literal, not a pattern").containsExactly("Abe Adams");
        assertThat(names("/api/contacts?stage=IDENTIFIED&source=alumni&tag=friend")).containsExactly("Bea Brown");

        List<String> pagedByName = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = alice.get("/api/contacts?sort=name&limit=2" + (cursor == null ? "" : "&after=" + cursor)).json();
            pagedByName.addAll(page.path("items").findValuesAsString("name"));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        assertThat(pagedByName).containsExactly("Abe Adams", "Abe Adams", "Bea Brown", "Carl Chen", "dora Diaz");

        for (String bad : List.of("stage=LOST", "source=pigeon", "careerStage=retired", "sort=age")) {
            assertThat(alice.get("/api/contacts?" + bad).json().path("errors").findValuesAsString("field"))
                    .containsExactly(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(alice.get("/api/contacts?sort=name&after=%25%25%25").status()).isEqualTo(400);
    }

    @Test
    void duplicatesByLinkedInProfileAreRefusedWithTheExistingId() {
        String id = add("{\"name\": \"Grace Hopper\", \"linkedInUrl\": \"https://www.linkedin.com/in/gracehopper/\"}");

        ApiClient.Response duplicate = alice.post("/api/contacts",
                "{\"name\": \"G. Hopper\", \"linkedInUrl\": \"linkedin.com/in/GraceHopper?trk=abc\"}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("existingContactId")).isEqualTo(id);
        assertThat(alice.post("/api/contacts", "{\"name\": \"X\", \"linkedInUrl\": \"https://evil.example/in/x\"}")
                .json().path("errors").findValuesAsString("field")).containsExactly("linkedInUrl");
    }

    @Test
    void anImportReportsEveryRowAndKeepsTheValidOnes() {
        String existing = add("{\"name\": \"Grace Hopper\", \"email\": \"grace@navy.example\"}");
        String csv = PREAMBLE + HEADER
                + "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@engines.example,Analytical Engines,Mathematician,10 Dec 2023\n"
                + "Grace,Hopper,,GRACE@navy.example,US Navy,Rear Admiral,12 Mar 2024\n"
                + ",,https://www.linkedin.com/in/nobody,,Nowhere,,01 Jan 2024\n"
                + "Alan,Turing,,not-an-email,\"Bletchley Park, Hut 8\",Cryptanalyst,01 Jan 2024\n"
                + "Ada,Lovelace,https://www.linkedin.com/in/ada/,,Analytical Engines,Mathematician,10 Dec 2023\n"
                + "\"Margaret \"\"Maggie\"\"\",Hamilton,,,\"MIT, Instrumentation Lab\",Director,01 Jan 2023\n";

        JsonNode report = importCsv(csv);

        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("duplicates").asInt()).isEqualTo(2);
        assertThat(report.path("invalid").asInt()).isEqualTo(2);
        JsonNode rows = report.path("rows");
        assertThat(rows.findValuesAsString("outcome")).containsExactly("CREATED", "DUPLICATE", "INVALID", "INVALID", "DUPLICATE", "CREATED");
        assertThat(rows.get(0).path("line").asInt()).as("the line in the file, after the notes and the header").isEqualTo(5);
        assertThat(rows.get(1).path("contactId").asString()).isEqualTo(existing);
        assertThat(rows.get(2).path("reason").asString()).contains("name");
        assertThat(rows.get(3).path("reason").asString()).contains("email");
        assertThat(rows.get(4).path("contactId").asString()).isEqualTo(rows.get(0).path("contactId").asString());
        assertThat(names("/api/contacts?source=linkedin")).containsExactly("Ada Lovelace", "Margaret \"Maggie\" Hamilton");
        JsonNode maggie = alice.get("/api/contacts/" + rows.get(5).path("contactId").asString()).json();
        assertThat(maggie.path("employer").asString()).isEqualTo("MIT, Instrumentation Lab");
    }

    @Test
    void anImportIsAJobAnsweredAtOnceAndARetriedUploadNeverImportsTwice() throws Exception {
        String csv = linkedInCsv(2_500);

        HttpResponse<String> accepted = post("/api/contacts/import", "text/csv", csv, "upload-1");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/contacts/imports/");
        JsonNode first = JSON.readTree(accepted.body());
        assertThat(first.path("rowsTotal").asInt()).isEqualTo(2_500);
        JsonNode done = awaitDone(location);
        assertThat(done.path("status").asString()).isEqualTo("DONE");
        assertThat(done.path("rowsRead").asInt()).isEqualTo(2_500);
        assertThat(done.path("created").asInt()).isEqualTo(2_500);
        assertThat(done.path("rows")).hasSize(2_500);
        assertThat(done.path("rows").get(2_499).path("line").asInt()).as("the last line of the file").isEqualTo(2_504);

        HttpResponse<String> retried = post("/api/contacts/import", "text/csv", csv, "upload-1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Location")).contains(location);
        assertThat(JSON.readTree(retried.body()).path("created").asInt()).as("the same job, not a second import")
                .isEqualTo(2_500);

        HttpResponse<String> otherFile = post("/api/contacts/import", "text/csv", linkedInCsv(3), "upload-1");
        assertThat(otherFile.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(otherFile.body()).path("existingImportId").asString()).isEqualTo(first.path("id").asString());

        JsonNode again = awaitDone(post("/api/contacts/import", "text/csv", csv, "upload-2").headers()
                .firstValue("Location").orElseThrow());
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).as("a new upload of the same file finds every row").isEqualTo(2_500);

        ApiClient bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
        assertThat(bob.get(location).status()).as("another member's import").isEqualTo(404);
        assertThat(post("/api/contacts/import", "text/csv", csv, "k".repeat(201)).statusCode()).isEqualTo(400);
    }

    @Test
    void aJobWhoseInstanceStoppedIsFailedAfterItsLeaseAndTheSameKeyFinishesIt() throws Exception {
        String csv = linkedInCsv(1_500);
        String location = post("/api/contacts/import", "text/csv", csv, "crash-1").headers().firstValue("Location")
                .orElseThrow();
        awaitDone(location);
        String id = location.substring(location.lastIndexOf('/') + 1);
        // As an instance that died after its first batch leaves it: running, part read, its lease run out.
        mongo.getCollection("contact_imports").updateOne(new Document("_id", id), new Document("$set",
                new Document("status", "RUNNING").append("rowsRead", 1_000).append("finishedAt", null)
                        .append("leaseUntil", Date.from(Instant.now().minusSeconds(1)))));

        JsonNode failed = alice.get(location).json();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).contains("same Idempotency-Key");
        assertThat(failed.path("rows").isNull()).isTrue();

        HttpResponse<String> retried = post("/api/contacts/import", "text/csv", csv, "crash-1");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(retried.headers().firstValue("Location")).contains(location);
        JsonNode finished = awaitDone(location);
        assertThat(finished.path("status").asString()).isEqualTo("DONE");
        assertThat(finished.path("rowsRead").asInt()).isEqualTo(1_500);
        assertThat(finished.path("created").asInt()).as("what the first attempt created is not created again").isZero();
        assertThat(finished.path("duplicates").asInt()).isEqualTo(1_500);
        assertThat(finished.path("rows")).as("the report of the attempt that finished").hasSize(1_500);
    }

    @Test
    void aMalformedFileIsRefusedAndNothingIsStored() throws Exception {
        HttpResponse<String> noHeader = post("/api/contacts/import", "text/csv", "name;email\nAda;ada@example.com\n");
        HttpResponse<String> empty = post("/api/contacts/import", "text/csv", "");
        HttpResponse<String> json = post("/api/contacts/import", "application/json", "{\"name\": \"Ada\"}");

        assertThat(noHeader.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.builder().build().readTree(noHeader.body()).path("errors").findValuesAsString("field"))
                .containsExactly("file");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(alice.get("/api/contacts").json().path("items").size()).isZero();
    }

    @Test
    void coverageCountsThePoolAndWarnsWhenOneValueHoldsMoreThanHalf() {
        add("{\"name\": \"A\", \"employer\": \"Google\", \"industry\": \"Tech\", \"role\": \"Engineer\", \"careerStage\": \"mid-career\"}");
        add("{\"name\": \"B\", \"employer\": \"Stripe\", \"industry\": \"Tech\", \"role\": \"Designer\", \"careerStage\": \"senior\"}");
        add("{\"name\": \"C\", \"employer\": \"Mayo\", \"industry\": \"Tech\", \"role\": \"Nurse\", \"careerStage\": \"early career\"}");
        add("{\"name\": \"D\", \"employer\": \"Law & Co\", \"industry\": \"Law\", \"role\": \"Lawyer\", \"careerStage\": \"recent transition\"}");
        String northwind = alice.post("/api/employers", "{\"name\": \"Northwind Health\", \"industry\": \"Healthcare\", "
                + "\"motivation\": 3, \"posting\": 3}").text("id");
        add("{\"name\": \"E\", \"employerId\": \"" + northwind + "\", \"role\": \"Analyst\"}");

        JsonNode coverage = alice.get("/api/contacts/coverage").json();

        assertThat(coverage.path("poolSize").asInt()).isEqualTo(5);
        assertThat(coverage.path("counts").path("industry").path("Healthcare").asInt())
                .as("a contact linked to a target employer counts under the employer's industry").isEqualTo(1);
        assertThat(coverage.path("counts").path("industry").has("unknown")).isFalse();
        assertThat(coverage.path("counts").path("industry").path("Tech").asInt()).isEqualTo(3);
        assertThat(coverage.path("counts").path("careerStage").path("SENIOR").asInt()).isEqualTo(1);
        assertThat(coverage.path("warnings")).hasSize(1);
        assertThat(coverage.path("warnings").get(0).path("message").asString()).contains("diversify the pool", "industry", "Tech");
    }

    static String linkedInCsv(int rows) {
        StringBuilder csv = new StringBuilder(PREAMBLE).append(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("First").append(i).append(",Last").append(i).append(",https://www.linkedin.com/in/person-").append(i)
                    .append(",person").append(i).append("@example.com,Company ").append(i % 200)
                    .append(",\"Engineer, level ").append(i % 5).append("\",01 Jan 2024\n");
        }
        return csv.toString();
    }

    private JsonNode importCsv(String csv) {
        try {
            HttpResponse<String> response = post("/api/contacts/import", "text/csv", csv);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return awaitDone(response.headers().firstValue("Location").orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitDone(String location) {
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            job[0] = alice.get(location).json();
            return !job[0].path("status").asString().equals("RUNNING");
        });
        return job[0];
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return post(path, contentType, body, null);
    }

    private HttpResponse<String> post(String path, String contentType, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(IdentityTokens.HEADER, ApiClient.identityToken("alice", tenant)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String add(String json) {
        ApiClient.Response created = alice.post("/api/contacts", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private List<String> names(String path) {
        ApiClient.Response response = alice.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("items").findValuesAsString("name");
    }
}
