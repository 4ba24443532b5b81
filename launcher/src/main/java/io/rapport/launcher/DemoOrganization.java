package io.rapport.launcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ./rapport run --demo}, the organization's side, made through the gateway's public API: an admin
 * ({@value #ADMIN}) and an advisor ({@value #ADVISOR}) of the demo tenant, seven peers of the demo member with some
 * outreach each, a cohort of all eight (large enough for figures at k = 5) and a smaller one whose cells stay
 * suppressed, the advisor assigned to the large cohort, the demo member sharing progress with the advisor, and two
 * alumni volunteers.
 */
final class DemoOrganization {

    /** The sign-in provider's demo users (auth-server's embedded profile), so the web app's advisor sees this caseload. */
    static final String ADMIN = "admin";
    static final String ADVISOR = "advisor";
    static final int PEERS = 7;

    private final GatewayClient members;
    private final GatewayClient admin;
    private final Consumer<String> progress;

    DemoOrganization(URI gateway, Consumer<String> progress) {
        this.members = new GatewayClient(gateway, DemoMember.TENANT);
        this.admin = members.as("admin");
        this.progress = progress;
    }

    Map<String, Integer> load() {
        List<String> peers = new ArrayList<>();
        for (int i = 1; i <= PEERS; i++) {
            String peer = "peer-" + i;
            peers.add(peer);
            String contact = ok(members.post("/api/contacts", peer, """
                    {"name": "Grace Park", "email": "grace.park-%d@alumni.example", "employer": "Bluefin Analytics",
                     "role": "Analyst", "source": "alumni"}""".formatted(i)), "a contact of " + peer).path("id").asText();
            String outreach = ok(members.post("/api/contacts/" + contact + "/outreach", peer, """
                    {"channel": "email", "memberTimeZone": "America/Chicago", "text": "Hello Grace, as a fellow alum I admired your talk on forecasting. Would you have 20 minutes next week?"}"""),
                    "outreach of " + peer).path("outreach").path("id").asText();
            if (i % 2 == 1) {
                ok(members.post("/api/contacts/" + contact + "/outreach/" + outreach + "/reply", peer,
                        "{\"outcome\": \"REPLIED\"}"), "a reply to " + peer);
            }
        }
        String classOf2026 = ok(admin.post("/api/insights/admin/cohorts", ADMIN,
                "{\"name\": \"Class of 2026\", \"kind\": \"graduation year\"}"), "cohort").path("id").asText();
        String mba = ok(admin.post("/api/insights/admin/cohorts", ADMIN, "{\"name\": \"MBA\", \"kind\": \"program\"}"),
                "cohort").path("id").asText();
        List<String> everyone = new ArrayList<>(peers);
        everyone.add(DemoMember.MEMBER);
        for (String member : everyone) {
            ok(admin.put("/api/insights/admin/cohorts/" + classOf2026 + "/members/" + member, ADMIN, null), "membership");
        }
        for (String member : peers.subList(0, 5)) {
            ok(admin.put("/api/insights/admin/cohorts/" + mba + "/members/" + member, ADMIN, null), "membership");
        }
        ok(admin.put("/api/insights/admin/advisors/" + ADVISOR + "/cohorts/" + classOf2026, ADMIN, null), "assignment");
        ok(members.put("/api/insights/sharing/" + ADVISOR, DemoMember.MEMBER, "{\"tier\": \"progress\"}"), "sharing");
        ok(admin.post("/api/insights/admin/volunteers", ADMIN, """
                {"name": "Omar Haddad", "email": "omar@orbit.example", "employer": "Orbit Energy", "role": "Grid Engineer",
                 "industry": "Energy", "topics": ["grid storage", "moving from research to industry"], "monthlyCap": 3}"""),
                "volunteer");
        ok(admin.post("/api/insights/admin/volunteers", ADMIN, """
                {"name": "Julia Brandt", "email": "julia@northwind.example", "employer": "Northwind Health", "role": "Product Lead",
                 "industry": "Healthcare", "topics": ["product management"], "monthlyCap": 1}"""), "volunteer");
        progress.accept("  demo: an admin (" + ADMIN + ") and an advisor (" + ADVISOR + "), 2 cohorts, " + PEERS
                + " peers with outreach, the demo member sharing progress, 2 alumni volunteers");
        Map<String, Integer> made = new LinkedHashMap<>();
        made.put("cohorts", 2);
        made.put("peers", PEERS);
        made.put("volunteers", 2);
        return made;
    }

    private static com.fasterxml.jackson.databind.JsonNode ok(GatewayClient.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("Demo: " + what + " was refused: " + response);
        }
        return response.raw().body() == null || response.raw().body().isBlank() ? GatewayClient.JSON.createObjectNode()
                : response.json();
    }
}
