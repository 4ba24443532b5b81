package io.rapport.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.contacts.employers.TargetEmployer;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolCoverageTest {

    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void countsByDimensionAndWarnsWhenOneValueHoldsMoreThanHalf() {
        List<Contact> pool = List.of(
                contact("1", "Google", "Tech", "MID_CAREER"),
                contact("2", "google ", "Tech", "EARLY_CAREER"),
                contact("3", "Google", "Finance", "SENIOR"),
                contact("4", "Stripe", null, "RECENT_TRANSITION"));

        PoolCoverage coverage = PoolCoverage.of(pool);

        assertThat(coverage.poolSize()).isEqualTo(4);
        assertThat(coverage.counts().get("employer")).containsExactly(
                java.util.Map.entry("Google", 3), java.util.Map.entry("Stripe", 1));
        assertThat(coverage.counts().get("industry")).containsEntry("Tech", 2).containsEntry("unknown", 1);
        assertThat(coverage.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.dimension()).isEqualTo("employer");
            assertThat(warning.message()).startsWith("diversify the pool");
        });
    }

    @Test
    void exactlyHalfIsNotAWarning() {
        PoolCoverage coverage = PoolCoverage.of(List.of(contact("1", "A", "Tech", null), contact("2", "B", "Tech", null),
                contact("3", "C", "Health", null), contact("4", "D", "Law", null)));

        assertThat(coverage.warnings()).isEmpty();
    }

    @Test
    void aContactLinkedToATargetEmployerCountsUnderTheEmployersIndustry() {
        TargetEmployer northwind = new TargetEmployer("e-1", ALICE, "Northwind Health", "Healthcare", null, null, 3, 3,
                null, Instant.now(), Instant.now(), 1);
        Contact linked = contact("1", "Northwind Health", "e-1", null, null);
        Contact ownIndustry = contact("2", "Northwind Health", "e-1", "Biotech", null);
        Contact unlinked = contact("3", "Stripe", null, null, null);

        PoolCoverage coverage = PoolCoverage.of(List.of(linked, ownIndustry, unlinked), List.of(northwind));

        assertThat(coverage.counts().get("industry")).containsExactly(java.util.Map.entry("Biotech", 1),
                java.util.Map.entry("Healthcare", 1), java.util.Map.entry("unknown", 1));
    }

    private static Contact contact(String id, String employer, String industry, String stage) {
        return contact(id, employer, null, industry, stage);
    }

    private static Contact contact(String id, String employer, String employerId, String industry, String stage) {
        ContactInput input = new ContactInput("Person " + id, null, null, null, employer, employerId, "Role " + id, industry, null,
                null, stage, null, null, null, null, List.of(), null);
        return Contact.add(id, ALICE, ContactDetails.of(input), Instant.now()).state();
    }
}
