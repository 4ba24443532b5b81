package io.rapport.contacts.employers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.ContactInput;
import io.rapport.contacts.contacts.ContactStage;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LampRankingTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void ranksByMotivationThenPostingThenAdvocacyThenName() {
        TargetEmployer zeta = employer("e1", "Zeta", 3, 2, null);
        TargetEmployer alpha = employer("e2", "Alpha", 3, 2, null);
        TargetEmployer advocated = employer("e3", "Mid Corp", 3, 2, true);
        TargetEmployer posting = employer("e4", "Posting Co", 3, 3, null);
        TargetEmployer unknown = employer("e5", "Unknown", 0, 3, true);

        List<RankedEmployer> ranked = LampRanking.rank(List.of(zeta, alpha, advocated, posting, unknown), List.of(), 10);

        assertThat(ranked).extracting(r -> r.employer().name())
                .containsExactly("Posting Co", "Mid Corp", "Alpha", "Zeta", "Unknown");
        assertThat(LampRanking.rank(List.of(zeta, alpha, advocated, posting, unknown), List.of(), 2)).hasSize(2);
    }

    @Test
    void advocacyIsDerivedFromAlumniFriendsAndReferralsThereAndFollowsTheContacts() {
        TargetEmployer acme = employer("e1", "Acme", 2, 2, null);
        Contact alumnus = contact("c1", "Grace", "ACME ", "alumni", List.of());
        Contact stranger = contact("c2", "Linus", "Acme", "linkedin", List.of());
        Contact friend = contact("c3", "Ken", "Acme", "other", List.of("friend"));

        assertThat(LampRanking.assess(acme, List.of(stranger)).advocacy()).isFalse();
        assertThat(LampRanking.assess(acme, List.of(stranger, alumnus)).advocates()).containsExactly("c1");
        assertThat(LampRanking.assess(acme, List.of(friend)).advocacy()).isTrue();
        Contact archivedAlumnus = alumnus.moveTo(ContactStage.ARCHIVED, null, NOW).state();
        assertThat(LampRanking.assess(acme, List.of(archivedAlumnus)).advocacy()).isFalse();
    }

    @Test
    void theMembersOverrideWinsOverTheDerivedAdvocacy() {
        Contact alumnus = contact("c1", "Grace", "Acme", "alumni", List.of());

        RankedEmployer overridden = LampRanking.assess(employer("e1", "Acme", 2, 2, false), List.of(alumnus));

        assertThat(overridden.advocacy()).isFalse();
        assertThat(overridden.derivedAdvocacy()).isTrue();
    }

    @Test
    void scoresOutsideTheirScalesAreRefused() {
        assertThatThrownBy(() -> TargetEmployer.create("e", ALICE, new TargetEmployer.Input("X", null, null, null, 4, 0, null), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("motivation", "posting"));
    }

    private static TargetEmployer employer(String id, String name, int motivation, int posting, Boolean override) {
        return TargetEmployer.create(id, ALICE, new TargetEmployer.Input(name, null, null, null, motivation, posting, override), NOW);
    }

    private static Contact contact(String id, String name, String employer, String source, List<String> tags) {
        ContactInput input = new ContactInput(name, null, null, null, employer, null, null, null, null, null, null,
                source, null, null, null, tags, null);
        return Contact.add(id, ALICE, ContactDetails.of(input), NOW).state();
    }
}
