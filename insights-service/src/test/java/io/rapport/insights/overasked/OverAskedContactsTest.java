package io.rapport.insights.overasked;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.ContactAdded;
import io.rapport.events.OutreachSent;
import io.rapport.platform.domain.Member;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverAskedContactsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String EMAIL = "priya@northwind.example";
    private static final String PROFILE = "https://www.linkedin.com/in/Priya-R/";

    private final InMemoryStore store = new InMemoryStore();
    private final OverAskedContacts overAsked = new OverAskedContacts(store, Clock.fixed(NOW, ZoneOffset.UTC));

    private void approach(String member, String email, String linkedInUrl, Duration ago) {
        Member who = new Member(member, "uni");
        overAsked.apply(who, new ContactAdded("c-" + member, "Priya Raman", email, "Northwind", "PM", "ALUMNI", "UTC",
                null, NOW.minus(ago), linkedInUrl));
        overAsked.apply(who, new OutreachSent("o-" + member, "c-" + member, "Northwind", "EMAIL", "UTC", NOW.minus(ago),
                null));
    }

    @Test
    void oneWhoKnowsHerEmailOneHerProfileAndOneBothAreThreeMembersForOnePersonOnce() {
        approach("ada", " Priya@Northwind.example", null, Duration.ofDays(3));
        approach("bo", null, "linkedin.com/in/priya-r", Duration.ofDays(2));
        approach("cy", EMAIL, PROFILE, Duration.ofDays(1));

        List<OverAskedContacts.Signal> signals = overAsked.signals("uni");

        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.members()).isEqualTo(3);
            assertThat(signal.contactName()).isEqualTo("Priya Raman");
            assertThat(signal.lastApproachedAt()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        });
        assertThat(overAsked.noteFor(new Member("ada", "uni"), "c-ada").othersInWindow())
                .as("ada knows the e-mail only: bo wrote under the profile, cy under both").isEqualTo(2);
        assertThat(overAsked.noteFor(new Member("bo", "uni"), "c-bo").othersInWindow()).isEqualTo(2);
    }

    @Test
    void anEmailAndAProfileNobodyLinkedAreTwoPeople() {
        approach("ada", EMAIL, null, Duration.ofDays(3));
        approach("bo", EMAIL, null, Duration.ofDays(3));
        approach("cy", null, PROFILE, Duration.ofDays(2));
        approach("dee", null, PROFILE, Duration.ofDays(2));

        assertThat(overAsked.signals("uni")).isEmpty();
        assertThat(overAsked.noteFor(new Member("ada", "uni"), "c-ada").othersInWindow()).isEqualTo(1);
    }

    @Test
    void theStoreKeepsFingerprintsOnlyNeverTheAddressOrTheUrl() {
        approach("cy", EMAIL, PROFILE, Duration.ofDays(1));

        assertThat(store.everythingStored()).doesNotContain("priya@", "Priya-R", "priya-r", "northwind.example", "linkedin");
    }

    /** The port as MongoOverAsked keeps it, in maps. */
    private static final class InMemoryStore implements OverAskedStore {
        private final Map<String, KnownContact> contacts = new HashMap<>();
        private final Map<String, Approach> approaches = new HashMap<>();

        @Override
        public byte[] tenantKey(String tenantId) {
            return ("key-of-" + tenantId).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void rememberContact(Member member, String contactId, List<String> fingerprints, String name, String employer) {
            contacts.put(member.memberId() + "/" + contactId, new KnownContact(fingerprints, name, employer));
        }

        @Override
        public Optional<KnownContact> contact(Member member, String contactId) {
            return Optional.ofNullable(contacts.get(member.memberId() + "/" + contactId));
        }

        @Override
        public void recordApproach(Member member, List<String> fingerprints, String name, String employer, Instant at) {
            for (String fingerprint : fingerprints) {
                Approach before = approaches.get(fingerprint + "/" + member.memberId());
                LinkedHashSet<String> linked = new LinkedHashSet<>(before == null ? List.of() : before.linked());
                linked.addAll(fingerprints);
                Instant latest = before == null || at.isAfter(before.at()) ? at : before.at();
                approaches.put(fingerprint + "/" + member.memberId(),
                        new Approach(fingerprint, List.copyOf(linked), member.memberId(), latest, name, employer));
            }
        }

        @Override
        public List<Approach> approachesSince(String tenantId, Instant since) {
            return approaches.values().stream().filter(approach -> !approach.at().isBefore(since)).toList();
        }

        @Override
        public List<Approach> approachesOf(String tenantId, Collection<String> fingerprints, Instant since) {
            return approachesSince(tenantId, since).stream()
                    .filter(approach -> fingerprints.contains(approach.fingerprint())).toList();
        }

        @Override
        public void erase(Member member) {
        }

        @Override
        public void reset() {
        }

        String everythingStored() {
            List<Object> all = new ArrayList<>(contacts.values());
            all.addAll(approaches.values());
            return all.toString();
        }
    }
}
