package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Target employers, LAMP-ranked, with Advocacy following the member's contacts. */
@ServiceIntegrationTest
class EmployerApiIT {

    @LocalServerPort
    int port;

    private ApiClient alice;
    private ApiClient bob;

    @BeforeEach
    void setUp() {
        String tenant = "uni-" + UUID.randomUUID();
        alice = ApiClient.at("http://127.0.0.1:" + port).as("alice", tenant);
        bob = ApiClient.at("http://127.0.0.1:" + port).as("bob", tenant);
    }

    @Test
    void theRankedListOrdersByMotivationPostingAdvocacyAndNameAndTopGivesTheWorkingSet() {
        add("{\"name\": \"Zeta\", \"motivation\": 2, \"posting\": 3}");
        add("{\"name\": \"Beta\", \"motivation\": 3, \"posting\": 1}");
        add("{\"name\": \"Alpha\", \"motivation\": 3, \"posting\": 1}");
        add("{\"name\": \"Gamma\", \"motivation\": 3, \"posting\": 1, \"advocacyOverride\": true}");
        add("{\"name\": \"Delta\", \"motivation\": 3, \"posting\": 2}");
        add("{\"name\": \"Epsilon\"}");

        JsonNode all = alice.get("/api/employers").json();
        JsonNode top = alice.get("/api/employers?top=5").json();

        assertThat(all.findValuesAsString("name")).containsExactly("Delta", "Gamma", "Alpha", "Beta", "Zeta", "Epsilon");
        assertThat(top.findValuesAsString("name")).containsExactly("Delta", "Gamma", "Alpha", "Beta", "Zeta");
        assertThat(alice.get("/api/employers?top=0").status()).isEqualTo(400);
    }

    @Test
    void advocacyIsDerivedFromAlumniThereAndRecomputedAsContactsChange() {
        String acme = add("{\"name\": \"Acme\", \"industry\": \"Robotics\", \"website\": \"https://acme.example\"}");
        assertThat(alice.get("/api/employers/" + acme).json().path("advocacy").asBoolean()).isFalse();

        String linked = alice.post("/api/contacts", "{\"name\": \"Wile E.\", \"employerId\": \"" + acme + "\", \"source\": \"alumni\"}")
                .text("id");
        assertThat(alice.get("/api/contacts/" + linked).text("employer")).as("the link fills the name in").isEqualTo("Acme");
        JsonNode advocated = alice.get("/api/employers/" + acme).json();
        assertThat(advocated.path("advocacy").asBoolean()).isTrue();
        assertThat(advocated.path("advocateContactIds").get(0).asString()).isEqualTo(linked);

        alice.put("/api/contacts/" + linked, "{\"name\": \"Wile E.\", \"employerId\": \"" + acme + "\", \"source\": \"linkedin\"}");
        assertThat(alice.get("/api/employers/" + acme).json().path("advocacy").asBoolean()).isFalse();
        alice.put("/api/employers/" + acme, "{\"name\": \"Acme\", \"advocacyOverride\": true}");
        assertThat(alice.get("/api/employers/" + acme).json().path("advocacy").asBoolean()).isTrue();
    }

    @Test
    void badInputDuplicatesAndOtherMembersAreRefused() {
        String acme = add("{\"name\": \"Acme\"}");

        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"motivation\": 4}"), "motivation");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"posting\": 0}"), "posting");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"website\": \"javascript:alert(1)\"}"), "website");
        assertField(alice.post("/api/employers", "{\"industry\": \"X\"}"), "name");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"motivation\": \"high\"}"), "motivation");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"motivation\": 1.5}"), "motivation");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"motivation\": \"2\"}"), "motivation");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"posting\": 1e20}"), "posting");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"advocacyOverride\": \"true\"}"), "advocacyOverride");
        assertField(alice.post("/api/employers", "{\"name\": \"X\", \"notes\": \"" + "n".repeat(5001) + "\"}"), "notes");
        assertField(alice.post("/api/contacts", "{\"name\": \"Y\", \"employerId\": \"nope\"}"), "employerId");
        ApiClient.Response duplicate = alice.post("/api/employers", "{\"name\": \"  acme \"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("existingEmployerId")).isEqualTo(acme);
        assertThat(bob.get("/api/employers/" + acme).status()).isEqualTo(404);
        assertThat(bob.put("/api/employers/" + acme, "{\"name\": \"Mine\"}").status()).isEqualTo(404);
        assertThat(bob.delete("/api/employers/" + acme).status()).isEqualTo(404);
        assertThat(alice.get("/api/employers").json().findValuesAsString("name")).containsExactly("Acme");

        assertThat(alice.delete("/api/employers/" + acme).status()).isEqualTo(204);
        assertThat(alice.get("/api/employers/" + acme).status()).isEqualTo(404);
    }

    private String add(String json) {
        ApiClient.Response created = alice.post("/api/employers", json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
    }
}
