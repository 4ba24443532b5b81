package io.rapport.insights.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.rapport.events.ContactAdded;
import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewHeld;
import io.rapport.events.NoteRecorded;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ThankYouSent;
import io.rapport.insights.activity.ActivityProjection;
import io.rapport.insights.activity.persistence.MongoActivity;
import io.rapport.insights.figures.OrganizationFigures;
import io.rapport.insights.figures.persistence.MongoFigures;
import io.rapport.insights.organization.Organization;
import io.rapport.insights.organization.persistence.MongoOrganization;
import io.rapport.insights.overasked.OverAskedContacts;
import io.rapport.insights.overasked.persistence.MongoOverAsked;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.MongoErasures;
import io.rapport.store.IndexedH2Backend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One tenant of 5,000 members in 10 cohorts: its events applied to the read models as the listener applies them
 * (the work of a rebuild, on the store the embedded default runs, Kafka's fetching excluded), then the figures
 * recomputed once, then the cohort page read 200 times.
 * Run: {@code ./mvnw -B -o test -pl insights-service -am -Dbenchmark=true -Dtest=InsightsScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dbenchmark.events=1000000} for the volume; the
 * default is 200,000). Figures in the README.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InsightsScaleBenchmark {

    private static final int MEMBERS = Integer.getInteger("benchmark.members", 5_000);
    private static final int EVENTS = Integer.getInteger("benchmark.events", 200_000);
    /** Industries the outreach goes to (OutreachSent's industry); 0: none carried, as before the field. */
    private static final int INDUSTRIES = Integer.getInteger("benchmark.industries", 12);
    /** Whether every other contact has a LinkedIn profile too (two fingerprints, two approaches per outreach). */
    private static final boolean LINKEDIN = Boolean.parseBoolean(System.getProperty("benchmark.linkedin", "true"));
    private static final int COHORTS = 10;
    private static final String TENANT = "bench-university";

    @Test
    @Timeout(3600)
    void aTenantOf5000MembersIsAppliedRecomputedAndRead() {
        MongoServer server = new MongoServer(IndexedH2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "insights-bench");
            Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
            MongoActivity activity = new MongoActivity(mongo);
            MongoOrganization organizationStore = new MongoOrganization(mongo);
            MongoFigures figuresStore = new MongoFigures(mongo);
            MongoOverAsked overAskedStore = new MongoOverAsked(mongo);
            Organization organization = new Organization(organizationStore, figuresStore::markStale);
            ActivityProjection projection = new ActivityProjection(activity, new MongoErasures(mongo), figuresStore::markStale);
            OverAskedContacts overAsked = new OverAskedContacts(overAskedStore, clock);
            OrganizationFigures figures = new OrganizationFigures(figuresStore, activity, organizationStore, clock);

            List<String> cohorts = new ArrayList<>();
            for (int c = 0; c < COHORTS; c++) {
                cohorts.add(organization.defineCohort(TENANT, "Cohort " + c, "program").id());
            }
            for (int m = 0; m < MEMBERS; m++) {
                organization.addMember(TENANT, cohorts.get(m % COHORTS), "member-" + m);
            }

            Instant start = Instant.parse("2026-09-01T09:00:00Z");
            long began = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                int m = i % MEMBERS;
                int n = i / MEMBERS;
                Member member = new Member("member-" + m, TENANT);
                Instant at = start.plus(Duration.ofMinutes(37L * n + m % 60));
                DomainEvent event = event(n, m, at);
                projection.apply(member, UUID.randomUUID().toString(), at, event);
                overAsked.apply(member, event);
                if ((i + 1) % 50_000 == 0) {
                    System.out.printf("BENCHMARK applied %,d events: %,.0f events/s%n", i + 1,
                            (i + 1) / ((System.nanoTime() - began) / 1e9));
                }
            }
            double applySeconds = (System.nanoTime() - began) / 1e9;

            long recomputing = System.nanoTime();
            figures.refreshStale();
            double recomputeMillis = (System.nanoTime() - recomputing) / 1e6;

            double[] reads = new double[200];
            for (int r = 0; r < reads.length; r++) {
                long reading = System.nanoTime();
                OrganizationFigures.View view = figures.view(TENANT, null);
                reads[r] = (System.nanoTime() - reading) / 1e6;
                assertThat(view.cohorts()).hasSize(COHORTS);
            }
            Arrays.sort(reads);
            OrganizationFigures.View view = figures.view(TENANT, null);
            assertThat(view.total().get(io.rapport.insights.figures.Figure.ACTIVE_MEMBERS)).isEqualTo((double) MEMBERS);
            assertThat(view.topIndustries()).hasSize(Math.min(INDUSTRIES, io.rapport.insights.figures.FigureTable.TOP_INDUSTRIES));

            System.out.printf("BENCHMARK %d industries, LinkedIn profiles %b%n", INDUSTRIES, LINKEDIN);
            System.out.printf("BENCHMARK %,d members, %,d events, %d cohorts: applied in %.1f s = %,.0f events/s; "
                    + "figures recomputed in %.0f ms; cohort page read p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    MEMBERS, EVENTS, COHORTS, applySeconds, EVENTS / applySeconds, recomputeMillis,
                    reads[reads.length / 2], reads[reads.length * 99 / 100], reads[reads.length - 1]);
        } finally {
            server.shutdownNow();
        }
    }

    /** The n-th event of a member: a journey's mix (contacts, outreach, replies, interviews, thank-yous, referrals, notes). */
    static DomainEvent event(int n, int m, Instant at) {
        String contact = "c-" + (n / 5);
        return switch (n % 10) {
            case 0, 5 -> new ContactAdded("c-" + (n / 5), "Contact " + n, "person-" + ((m * 7 + n) % 20_000) + "@example.org",
                    "Employer " + (n % 40), "Role", "alumni", "UTC", null, at,
                    LINKEDIN && n % 10 == 0 ? "https://www.linkedin.com/in/person-" + ((m * 7 + n) % 20_000) : null);
            case 1, 6, 8 -> new OutreachSent("o-" + n, contact, "Employer " + (n % 40), "email", "UTC", at,
                    INDUSTRIES == 0 ? null : "Industry " + (n % INDUSTRIES));
            case 2, 7 -> new OutreachReplied("o-" + (n - 1), contact, "Employer " + (n % 40), "REPLIED", n % 6, at);
            case 3 -> new InterviewHeld("i-" + n, contact, at, 30, 30, false, at);
            case 4 -> new ThankYouSent("i-" + (n - 1), contact, "email", at, 20 + n % 40, false);
            default -> n % 20 == 9 ? new ReferralRecorded("r-" + n, "i-" + (n - 6), contact, "Someone", null, null, true)
                    : new NoteRecorded("i-" + (n - 6), contact, 4, List.of("skills"), at, null);
        };
    }
}
