package io.rapport.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code ./rapport run --demo}: a realistic member, made the way a member would make one — only
 * through the gateway's public API, so every record comes with its events and every service builds
 * its own view from them. Employers and contacts across stages, outreach with replies, interviews
 * held and upcoming, consented notes with a referral and action items, a goal; the synthesis and the
 * reminders follow from the events. The thank-yous are left for the newcomer to send (a thank-you
 * cannot predate the interview's end, and these interviews were held moments ago).
 */
final class DemoMember {

    static final String MEMBER = "demo";
    static final String TENANT = "demo-university";
    private static final String ZONE = "America/Chicago";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final GatewayClient api;
    private final Consumer<String> progress;
    private final Map<String, String> employers = new LinkedHashMap<>();
    private final Map<String, String> contacts = new LinkedHashMap<>();

    DemoMember(URI gateway, Consumer<String> progress) {
        this.api = new GatewayClient(gateway, TENANT);
        this.progress = progress;
    }

    /** Loads the member; returns what was made, by kind. */
    Map<String, Integer> load() {
        addEmployers();
        addContacts();
        reachOut();
        List<String> held = holdThreeInterviews();
        planUpcomingInterviews();
        takeNotes(held);
        addGoal();
        Map<String, Integer> made = new LinkedHashMap<>();
        made.put("employers", employers.size());
        made.put("contacts", contacts.size() + 1);
        made.put("interviews held", held.size());
        made.put("interviews upcoming", 2);
        return made;
    }

    private void addEmployers() {
        employer("Northwind Health", "Healthcare", 3, 3);
        employer("Bluefin Analytics", "Technology", 2, 2);
        employer("Orbit Energy", "Energy", 2, 1);
        employer("Cedar Public Schools", "Education", 1, 1);
        progress.accept("  demo: 4 target employers, ranked by motivation, posting and advocacy");
    }

    private void addContacts() {
        contact("Priya Raman", "Northwind Health", "Product Manager", "alumni", "mid career",
                "Led the launch of Northwind's patient scheduling app");
        contact("Marcus Lee", "Bluefin Analytics", "Data Scientist", "linkedin", "early career",
                "Wrote about forecasting demand with small data sets");
        contact("Elena Petrova", "Northwind Health", "UX Researcher", "association", "senior",
                "Spoke at the regional UX association on research with clinicians");
        contact("David Chen", "Bluefin Analytics", "Engineering Manager", "alumni", "senior",
                "Mentors new graduates in the alumni network");
        contact("Sofia Garcia", "Northwind Health", "Nurse Informaticist", "linkedin", "mid career",
                "Moved from bedside nursing into clinical informatics");
        contact("Aisha Khan", "Orbit Energy", "Energy Analyst", "directory", "early career",
                "Published a grid-storage market brief");
        contact("James Wright", "Orbit Energy", "Policy Advisor", "association", "mid career", null);
        contact("Hannah Brooks", "Orbit Energy", "Sustainability Lead", "alumni", "recent transition",
                "Changed careers from finance to sustainability");
        contact("Lena Fischer", "Bluefin Analytics", "Data Engineer", "linkedin", "early career", null);
        contact("Omar Haddad", "Cedar Public Schools", "Principal", "directory", "senior", null);
        contact("Tom Okafor", "Cedar Public Schools", "Instructional Designer", "other", "recent transition",
                "Turned classroom teaching into learning design");
        progress.accept("  demo: 11 contacts across employers, roles and career stages");
    }

    private void reachOut() {
        for (String name : List.of("Priya Raman", "Marcus Lee", "Elena Petrova", "David Chen", "Aisha Khan", "Hannah Brooks")) {
            String outreach = ok(api.post("/api/contacts/" + contacts.get(name) + "/outreach", MEMBER, """
                    {"channel": "email", "memberTimeZone": "%s",
                     "text": "Hello %s, as a fellow member of the network I admired your work. Would you have 20 minutes in the next two weeks to share how you got into your role?"}
                    """.formatted(ZONE, name.split(" ")[0])), "outreach to " + name).path("outreach").path("id").asText();
            if (List.of("Priya Raman", "Marcus Lee", "Elena Petrova", "David Chen").contains(name)) {
                ok(api.post("/api/contacts/" + contacts.get(name) + "/outreach/" + outreach + "/reply", MEMBER,
                        "{\"outcome\": \"REPLIED\"}"), "reply from " + name);
            } else if (name.equals("Aisha Khan")) {
                ok(api.post("/api/contacts/" + contacts.get(name) + "/outreach/" + outreach + "/reply", MEMBER,
                        "{\"outcome\": \"DECLINED\"}"), "decline from " + name);
            }
        }
        progress.accept("  demo: outreach to 6 contacts, 4 replies, 1 decline, 1 waiting (3B7 follow-ups running)");
    }

    /** Interviews can only be held once they have started, so these start a few seconds from now. */
    private List<String> holdThreeInterviews() {
        List<String> held = new ArrayList<>();
        for (String name : List.of("Priya Raman", "Marcus Lee", "Elena Petrova")) {
            awaitKnownToScheduling(name);
            Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            String interview = propose(name, "Learn how " + name.split(" ")[0] + " moved into their role and what the first year looks like.",
                    List.of(start), "VIDEO");
            ok(api.post("/api/interviews/" + interview + "/schedule", MEMBER, "{\"start\": \"" + start + "\"}"), "schedule");
            ok(api.post("/api/interviews/" + interview + "/confirm", MEMBER, null), "confirm");
            await(() -> Instant.now().isAfter(start.plusSeconds(1)), "the interview's start");
            ok(api.post("/api/interviews/" + interview + "/held", MEMBER, "{\"actualMinutes\": 32}"), "held");
            held.add(interview);
        }
        progress.accept("  demo: 3 interviews held (Priya Raman, Marcus Lee, Elena Petrova)");
        return held;
    }

    private void planUpcomingInterviews() {
        awaitKnownToScheduling("David Chen");
        Instant inThreeDays = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String confirmed = propose("David Chen", "Understand what engineering managers look for in new graduates.",
                List.of(inThreeDays), "PHONE");
        ok(api.post("/api/interviews/" + confirmed + "/schedule", MEMBER, "{\"start\": \"" + inThreeDays + "\"}"), "schedule");
        ok(api.post("/api/interviews/" + confirmed + "/confirm", MEMBER, null), "confirm");
        awaitKnownToScheduling("Sofia Garcia");
        Instant nextWeek = Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        propose("Sofia Garcia", "Learn how nurses move into clinical informatics.",
                List.of(nextWeek, nextWeek.plus(1, ChronoUnit.DAYS)), "VIDEO");
        progress.accept("  demo: 2 upcoming interviews (one confirmed, one proposed with two slots)");
    }

    private void takeNotes(List<String> held) {
        String[][] notes = {
            {"Priya Raman", "Northwind Health", "Product Manager",
                "skills|SQL and dashboards matter more than any certificate|false",
                "skills|Stakeholder communication is most of the job|false",
                "day-to-day|Mornings are customer interviews, afternoons are roadmap reviews|false",
                "challenges|Her team lost two engineers to a reorganization last spring|true",
                "advice|Do a small analytics project on public health data and publish it|false"},
            {"Marcus Lee", "Bluefin Analytics", "Data Scientist",
                "skills|Strong SQL is the entry ticket; Python comes second|false",
                "skills|Communicating with stakeholders decides whether models get used|false",
                "trends|Smaller teams now expect analysts to ship their own pipelines|false",
                "advice|Join the local data meetup and present a project|false"},
            {"Elena Petrova", "Northwind Health", "UX Researcher",
                "skills|Stakeholder communication and clear writing|false",
                "culture|Clinicians value researchers who shadow shifts before asking questions|false",
                "career path|Started in hospital administration, moved into research after a certificate|false",
                "advice|Shadow a clinic day before applying anywhere in health tech|false"},
        };
        for (int i = 0; i < held.size(); i++) {
            String interview = held.get(i);
            String[] note = notes[i];
            await(() -> api.get("/api/notes/" + interview, MEMBER).status() == 200, "notes to know the interview was held");
            StringBuilder entries = new StringBuilder();
            for (int e = 3; e < note.length; e++) {
                String[] parts = note[e].split("\\|");
                entries.append(entries.isEmpty() ? "" : ",").append("{\"category\": \"").append(parts[0])
                        .append("\", \"text\": \"").append(parts[1]).append("\", \"sensitive\": ").append(parts[2]).append('}');
            }
            ok(api.put("/api/notes/" + interview, MEMBER, """
                    {"contactName": "%s", "employer": "%s", "role": "%s", "consent": "GRANTED", "permissionToShare": false,
                     "entries": [%s],
                     "takeaways": ["%s"], "advice": "%s"}
                    """.formatted(note[0], note[1], note[2], entries, note[4].split("\\|")[1], note[note.length - 1].split("\\|")[1])),
                    "notes on " + note[0]);
        }
        ok(api.post("/api/notes/" + held.getFirst() + "/referrals", MEMBER,
                "{\"name\": \"Nadia Osei\", \"employer\": \"Northwind Health\", \"role\": \"Data Product Lead\", \"mayUseReferrerName\": true}"),
                "referral");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ok(api.post("/api/notes/" + held.getFirst() + "/action-items", MEMBER,
                "{\"text\": \"Publish the public-health dashboard Priya suggested\", \"dueOn\": \"" + today + "\"}"),
                "action item due today");
        ok(api.post("/api/notes/" + held.get(1) + "/action-items", MEMBER,
                "{\"text\": \"Sign up for the data meetup\", \"dueOn\": \"" + today.plusDays(5) + "\"}"),
                "action item");
        // Promised yesterday and not done yet: the inbox has something due from the first minute.
        ok(api.post("/api/notes/" + held.get(2) + "/action-items", MEMBER,
                "{\"text\": \"Send Elena the article on research with clinicians\", \"dueOn\": \"" + today.minusDays(1) + "\"}"),
                "action item due yesterday");
        progress.accept("  demo: consented notes on 3 interviews, a referral (Nadia Osei) and 3 action items");
    }

    private void addGoal() {
        ok(api.post("/api/goals", MEMBER, """
                {"title": "Build SQL fluency", "themes": ["sql"], "metric": "practice projects", "target": 3,
                 "dueOn": "%s"}
                """.formatted(LocalDate.now(ZoneOffset.UTC).plusMonths(3))), "goal");
    }

    private void employer(String name, String industry, int motivation, int posting) {
        employers.put(name, created(api.post("/api/employers", MEMBER,
                "{\"name\": \"%s\", \"industry\": \"%s\", \"motivation\": %d, \"posting\": %d}"
                        .formatted(name, industry, motivation, posting)), "employer " + name));
    }

    private void contact(String name, String employer, String role, String source, String careerStage, String hook) {
        String email = name.toLowerCase().replace(' ', '.') + "@" + employer.toLowerCase().replace(' ', '-') + ".example";
        contacts.put(name, created(api.post("/api/contacts", MEMBER, """
                {"name": "%s", "email": "%s", "employerId": "%s", "role": "%s", "source": "%s", "careerStage": "%s",
                 "timeZone": "America/New_York"%s}
                """.formatted(name, email, employers.get(employer), role, source, careerStage,
                hook == null ? "" : ", \"hook\": \"" + hook + "\"")), "contact " + name));
    }

    private String propose(String name, String objective, List<Instant> starts, String kind) {
        StringBuilder slots = new StringBuilder();
        for (Instant start : starts) {
            slots.append(slots.isEmpty() ? "" : ",").append("{\"start\": \"").append(start).append("\", \"minutes\": 30}");
        }
        String format = kind.equals("PHONE") ? "{\"kind\": \"PHONE\", \"phone\": \"+1 312 555 0142\"}"
                : "{\"kind\": \"VIDEO\", \"platform\": \"ZOOM\", \"link\": \"https://zoom.example/j/" + Math.abs(name.hashCode()) + "\"}";
        return created(api.post("/api/interviews", MEMBER, """
                {"contactId": "%s", "objective": "%s", "slots": [%s], "format": %s, "memberTimeZone": "%s"}
                """.formatted(contacts.get(name), objective, slots, format, ZONE)), "interview with " + name);
    }

    private void awaitKnownToScheduling(String name) {
        await(() -> api.get("/api/scheduling/contacts/" + contacts.get(name), MEMBER).status() == 200,
                "scheduling to learn of " + name);
    }

    private static void await(BooleanSupplier condition, String what) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            }
        }
    }

    private static String created(GatewayClient.Response response, String what) {
        JsonNode body = ok(response, what);
        return body.path("id").asText();
    }

    private static JsonNode ok(GatewayClient.Response response, String what) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("Demo: " + what + " was refused: " + response);
        }
        return response.raw().body() == null || response.raw().body().isBlank() ? GatewayClient.JSON.createObjectNode() : response.json();
    }
}
