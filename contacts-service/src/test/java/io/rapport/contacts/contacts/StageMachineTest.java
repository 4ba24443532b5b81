package io.rapport.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.events.ContactArchived;
import io.rapport.events.ContactUpdated;
import io.rapport.events.OutreachReplied;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMachineTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Member ALICE = new Member("alice", "uni");

    @Test
    void theHappyPathRunsFromIdentifiedToNurturing() {
        Contact contact = contact();
        for (ContactStage next : List.of(ContactStage.OUTREACH_SENT, ContactStage.REPLIED, ContactStage.SCHEDULED,
                ContactStage.INTERVIEWED, ContactStage.THANKED, ContactStage.NURTURING)) {
            Change<Contact> moved = contact.moveTo(next, null, NOW);
            assertThat(moved.state().stage()).isEqualTo(next);
            assertThat(moved.events()).singleElement().isInstanceOfSatisfying(ContactUpdated.class,
                    event -> assertThat(event.changedFields()).containsExactly("stage"));
            contact = moved.state();
        }
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheAllowedStages() {
        Contact contact = contact();

        assertThatThrownBy(() -> contact.moveTo(ContactStage.INTERVIEWED, null, NOW))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> {
                    assertThat(conflict.getMessage()).contains("OUTREACH_SENT", "ARCHIVED");
                    assertThat(conflict.details()).containsEntry("allowedStages", List.of("OUTREACH_SENT", "ARCHIVED"));
                });
    }

    @Test
    void noResponseMayBeFollowedUpAndAnArchivedContactMovesNoMore() {
        Contact silent = contact().moveTo(ContactStage.OUTREACH_SENT, null, NOW).state()
                .moveTo(ContactStage.NO_RESPONSE, null, NOW).state();

        assertThat(silent.stage().allowedNext()).contains(ContactStage.OUTREACH_SENT, ContactStage.REPLIED);
        Change<Contact> archived = silent.moveTo(ContactStage.ARCHIVED, "moved abroad", NOW);
        assertThat(archived.events()).singleElement().isInstanceOfSatisfying(ContactArchived.class,
                event -> assertThat(event.reason()).isEqualTo("moved abroad"));
        assertThatThrownBy(() -> archived.state().moveTo(ContactStage.IDENTIFIED, null, NOW))
                .isInstanceOf(ConflictException.class).hasMessageContaining("allowed: none");
    }

    @Test
    void eventsMoveForwardOnlyAndMaySkipStages() {
        Contact identified = contact();

        Change<Contact> scheduled = identified.advanceTo(ContactStage.SCHEDULED, null, NOW);
        assertThat(scheduled.state().stage()).as("an interview happened even without logged outreach")
                .isEqualTo(ContactStage.SCHEDULED);
        Contact interviewed = scheduled.state().advanceTo(ContactStage.INTERVIEWED, NOW, NOW).state();

        Change<Contact> lateScheduled = interviewed.advanceTo(ContactStage.SCHEDULED, null, NOW);
        assertThat(lateScheduled.state().stage()).isEqualTo(ContactStage.INTERVIEWED);
        assertThat(lateScheduled.events()).isEmpty();
        Contact archived = identified.moveTo(ContactStage.ARCHIVED, null, NOW).state();
        assertThat(archived.advanceTo(ContactStage.SCHEDULED, null, NOW).state().stage()).isEqualTo(ContactStage.ARCHIVED);
    }

    @Test
    void aThankYouSetsTheLastInteraction() {
        Instant sent = NOW.plusSeconds(3600);
        Contact interviewed = contact().advanceTo(ContactStage.INTERVIEWED, NOW, NOW).state();

        Contact thanked = interviewed.advanceTo(ContactStage.THANKED, sent, NOW).state();

        assertThat(thanked.stage()).isEqualTo(ContactStage.THANKED);
        assertThat(thanked.lastInteractionAt()).isEqualTo(sent);
    }

    @Test
    void outreachAndItsAnswerMoveTheStageAndCountBusinessDays() {
        Instant friday = Instant.parse("2026-03-06T16:00:00Z");
        Instant nextWednesday = Instant.parse("2026-03-11T10:00:00Z");
        Contact sent = contact().recordOutreach("o1", OutreachChannel.EMAIL, "Hello", friday, java.time.ZoneOffset.UTC, null, NOW).state();
        assertThat(sent.stage()).isEqualTo(ContactStage.OUTREACH_SENT);

        Change<Contact> replied = sent.recordAnswer("o1", OutreachStatus.REPLIED, nextWednesday, NOW);

        assertThat(replied.state().stage()).isEqualTo(ContactStage.REPLIED);
        assertThat(replied.state().outreach().getFirst().latencyBusinessDays()).isEqualTo(3);
        assertThat(replied.state().responsiveness()).isEqualTo(Responsiveness.QUICK);
        assertThatThrownBy(() -> replied.state().recordAnswer("o1", OutreachStatus.DECLINED, nextWednesday, NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aDeclineIsAnAnswerTooAndOnlyAnUnansweredOutreachCanHaveNoResponse() {
        Instant monday = Instant.parse("2026-03-02T09:00:00Z");
        Contact sent = contact().recordOutreach("o1", OutreachChannel.LINKEDIN, null, monday, java.time.ZoneOffset.UTC, null, NOW).state();

        Change<Contact> declined = sent.recordAnswer("o1", OutreachStatus.DECLINED, monday.plusSeconds(9 * 86400), NOW);

        assertThat(declined.state().stage()).isEqualTo(ContactStage.DECLINED);
        assertThat(declined.events()).first().isInstanceOfSatisfying(io.rapport.events.OutreachReplied.class, event -> {
            assertThat(event.outcome()).isEqualTo("DECLINED");
            assertThat(event.latencyBusinessDays()).isEqualTo(7);
        });
        assertThat(declined.state().responsiveness()).isEqualTo(Responsiveness.SLOW);
        assertThatThrownBy(() -> declined.state().recordNoResponse("o1", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sent.recordAnswer("o1", OutreachStatus.REPLIED, monday.minusSeconds(60), NOW))
                .isInstanceOf(io.rapport.platform.domain.InvalidInputException.class);
    }

    @Test
    void anInterviewAgreedAnswersTheOpenOutreachAndMovesToScheduledOnce() {
        Contact sent = contact().recordOutreach("o-1", OutreachChannel.EMAIL, "Hi Ada", NOW, ZoneId.of("Europe/Berlin"), null, NOW)
                .state();
        Instant agreed = NOW.plus(Duration.ofDays(3));

        Change<Contact> scheduled = sent.interviewScheduled(agreed, agreed);

        assertThat(scheduled.state().stage()).isEqualTo(ContactStage.SCHEDULED);
        assertThat(scheduled.state().outreach()).singleElement().satisfies(attempt -> {
            assertThat(attempt.status()).isEqualTo(OutreachStatus.REPLIED);
            assertThat(attempt.answeredAt()).isEqualTo(agreed);
        });
        assertThat(scheduled.events()).hasSize(2).first().isInstanceOfSatisfying(OutreachReplied.class, replied -> {
            assertThat(replied.outreachId()).isEqualTo("o-1");
            assertThat(replied.employer()).isEqualTo("Engines");
            assertThat(replied.outcome()).isEqualTo("REPLIED");
            assertThat(replied.latencyBusinessDays()).isEqualTo(3);
        });
        assertThat(scheduled.state().interviewScheduled(agreed, agreed).events()).as("nothing twice").isEmpty();
    }

    @Test
    void anInterviewAgreedWithoutOutreachOnlyMovesTheContact() {
        Change<Contact> scheduled = contact().interviewScheduled(NOW, NOW);

        assertThat(scheduled.state().stage()).isEqualTo(ContactStage.SCHEDULED);
        assertThat(scheduled.events()).singleElement().isInstanceOf(ContactUpdated.class);
    }

    private static Contact contact() {
        return Contact.add("c1", ALICE, ContactDetails.of(ContactInput.basic("Ada Lovelace", null, "Engines", null, null, null)),
                NOW).state();
    }
}
