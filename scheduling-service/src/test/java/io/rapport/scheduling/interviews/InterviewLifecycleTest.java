package io.rapport.scheduling.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.events.InterviewCancelled;
import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewNoShow;
import io.rapport.events.InterviewProposed;
import io.rapport.events.InterviewRescheduled;
import io.rapport.events.InterviewScheduled;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterviewLifecycleTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    static final Instant FIRST = Instant.parse("2027-03-10T09:00:00Z");
    static final Instant SECOND = Instant.parse("2027-03-11T15:00:00Z");

    static Proposal.Request request(String... starts) {
        return new Proposal.Request("contact-1", "Learn how Ada moved from research into product management.",
                java.util.Arrays.stream(starts).map(s -> new SlotRequest(s, null)).toList(),
                new Proposal.FormatRequest("video", null, null, "zoom", "https://zoom.us/j/123"),
                "Europe/Berlin", "America/New_York");
    }

    static Interview proposed() {
        Proposal proposal = Proposal.of(request(FIRST.toString(), SECOND.toString()), null, NOW);
        return Interview.propose("i-1", new Member("alice", "uni"), "Ada", proposal, NOW).state();
    }

    @Test
    void aProposalCarriesItsSlotsFormatAndZonesIntoInterviewProposed() {
        Proposal proposal = Proposal.of(request(FIRST.toString()), null, NOW);
        Change<Interview> change = Interview.propose("i-1", new Member("alice", "uni"), "Ada", proposal, NOW);

        assertThat(change.state().status()).isEqualTo(InterviewStatus.PROPOSED);
        InterviewProposed event = (InterviewProposed) change.events().getFirst();
        assertThat(event.slots()).extracting(s -> s.start(), s -> s.minutes()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FIRST, 30));
        assertThat(event.format().kind()).isEqualTo("VIDEO");
        assertThat(event.format().platform()).isEqualTo("ZOOM");
        assertThat(event.memberTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(event.contactTimeZone()).isEqualTo("America/New_York");
    }

    @Test
    void theWholeLifecycleEmitsOneEventPerTransition() {
        Change<Interview> scheduled = proposed().schedule(SECOND, NOW);
        assertThat(scheduled.events()).singleElement().isInstanceOf(InterviewScheduled.class);
        assertThat(scheduled.state().slot()).isEqualTo(new Slot(SECOND, 30));

        Change<Interview> confirmed = scheduled.state().confirm(NOW);
        assertThat(confirmed.events()).singleElement().isEqualTo(new InterviewConfirmed("i-1", "contact-1", SECOND));

        Change<Interview> held = confirmed.state().hold(42, SECOND.plusSeconds(3600));
        assertThat(held.state().status()).isEqualTo(InterviewStatus.HELD);
        assertThat(held.events()).singleElement().isEqualTo(
                new InterviewHeld("i-1", "contact-1", SECOND, 30, 42, true, SECOND.plus(Duration.ofMinutes(42))));
    }

    @Test
    void heldWithinTimeIsNotAnOverrun() {
        Interview confirmed = proposed().schedule(FIRST, NOW).state().confirm(NOW).state();
        InterviewHeld held = (InterviewHeld) confirmed.hold(25, FIRST.plusSeconds(1800)).events().getFirst();
        assertThat(held.overran()).isFalse();
        assertThat(held.plannedMinutes()).isEqualTo(30);
        assertThat(held.actualMinutes()).isEqualTo(25);
    }

    @Test
    void holdingAnInterviewStillRunningEndsItNow() {
        Interview confirmed = proposed().schedule(FIRST, NOW).state().confirm(NOW).state();
        Instant threeSecondsIn = FIRST.plusSeconds(3);

        Change<Interview> held = confirmed.hold(35, threeSecondsIn);

        assertThat(held.state().endedAt()).isEqualTo(threeSecondsIn);
        assertThat(((InterviewHeld) held.events().getFirst()).endedAt()).isEqualTo(threeSecondsIn);
        assertThat(((InterviewHeld) held.events().getFirst()).actualMinutes()).isEqualTo(35);
    }

    @Test
    void heldAndNoShowAreRefusedBeforeTheStart() {
        Interview confirmed = proposed().schedule(FIRST, NOW).state().confirm(NOW).state();

        assertThatThrownBy(() -> confirmed.hold(30, FIRST.minusSeconds(1))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("before it starts");
        assertThatThrownBy(() -> confirmed.noShow(FIRST.minusSeconds(60))).isInstanceOf(ConflictException.class);
        assertThat(confirmed.hold(30, FIRST).state().status()).isEqualTo(InterviewStatus.HELD);
        for (Integer actual : new Integer[] {null, 0, Interview.MAX_ACTUAL_MINUTES + 1}) {
            assertThatThrownBy(() -> confirmed.hold(actual, FIRST.plusSeconds(60)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems().getFirst().field()).isEqualTo("actualMinutes"));
        }
        assertThat(confirmed.noShow(FIRST).events()).singleElement().isInstanceOf(InterviewNoShow.class);
    }

    @Test
    void illegalTransitionsAreConflicts() {
        Interview proposed = proposed();
        assertThatThrownBy(() -> proposed.confirm(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("PROPOSED");
        assertThatThrownBy(() -> proposed.hold(30, SECOND.plusSeconds(3600))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> proposed.reschedule(new Slot(SECOND, 30), NOW)).isInstanceOf(ConflictException.class);
        Interview cancelled = proposed.cancel("Found the answer elsewhere", NOW).state();
        assertThatThrownBy(() -> cancelled.cancel("again", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.schedule(FIRST, NOW)).isInstanceOf(ConflictException.class);
        Interview scheduled = proposed().schedule(FIRST, NOW).state();
        assertThatThrownBy(() -> scheduled.schedule(FIRST, NOW)).isInstanceOf(ConflictException.class);
        Interview held = scheduled.confirm(NOW).state().hold(30, FIRST.plusSeconds(1800)).state();
        assertThatThrownBy(() -> held.noShow(FIRST.plusSeconds(3600))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> held.cancel("late", FIRST.plusSeconds(3600))).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAProposedSlotCanBeScheduled() {
        assertThatThrownBy(() -> proposed().schedule(FIRST.plusSeconds(60), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().getFirst().field()).isEqualTo("start"));
    }

    @Test
    void reschedulingRaisesTheSequenceAndNeedsANewConfirmation() {
        Interview confirmed = proposed().schedule(FIRST, NOW).state().confirm(NOW).state();
        Slot later = new Slot(SECOND.plusSeconds(86400), 45);

        Change<Interview> moved = confirmed.reschedule(later, NOW);

        assertThat(moved.state().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(moved.state().sequence()).isEqualTo(confirmed.sequence() + 1);
        InterviewRescheduled event = (InterviewRescheduled) moved.events().getFirst();
        assertThat(event.previousStart()).isEqualTo(FIRST);
        assertThat(event.start()).isEqualTo(later.start());
        assertThat(event.minutes()).isEqualTo(45);
    }

    @Test
    void cancellingNeedsAReasonAndWorksFromEveryOpenState() {
        assertThatThrownBy(() -> proposed().cancel("  ", NOW)).isInstanceOf(InvalidInputException.class);
        for (Interview open : List.of(proposed(), proposed().schedule(FIRST, NOW).state(),
                proposed().schedule(FIRST, NOW).state().confirm(NOW).state())) {
            Change<Interview> cancelled = open.cancel("Contact changed jobs", NOW);
            assertThat(cancelled.state().status()).isEqualTo(InterviewStatus.CANCELLED);
            assertThat(cancelled.events()).singleElement()
                    .isEqualTo(new InterviewCancelled("i-1", "contact-1", "Contact changed jobs"));
        }
    }

    @Test
    void slotsClashWhenCloserThanTheBuffer() {
        Slot nine = new Slot(Instant.parse("2027-03-10T09:00:00Z"), 30);
        Slot nineThirty = new Slot(Instant.parse("2027-03-10T09:30:00Z"), 30);
        Slot nineFortyFive = new Slot(Instant.parse("2027-03-10T09:45:00Z"), 30);

        assertThat(nine.clashesWith(nineThirty, Duration.ZERO)).as("back to back, no buffer").isFalse();
        assertThat(nine.clashesWith(nineThirty, Duration.ofMinutes(15))).isTrue();
        assertThat(nineThirty.clashesWith(nine, Duration.ofMinutes(15))).as("symmetric").isTrue();
        assertThat(nine.clashesWith(nineFortyFive, Duration.ofMinutes(15))).as("exactly the buffer apart").isFalse();
        assertThat(nine.clashesWith(new Slot(nine.start().plusSeconds(600), 15), Duration.ZERO)).isTrue();
    }
}
