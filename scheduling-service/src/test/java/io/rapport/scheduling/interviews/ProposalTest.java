package io.rapport.scheduling.interviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules a proposal must meet, including wall-clock times across daylight-saving changes. */
class ProposalTest {

    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    static Proposal.Request request(List<SlotRequest> slots, Proposal.FormatRequest format, String memberZone,
            String objective) {
        return new Proposal.Request("c-1", objective, slots, format, memberZone, null);
    }

    static Proposal.FormatRequest phone() {
        return new Proposal.FormatRequest("PHONE", null, "+49 30 1234567", null, null);
    }

    static List<String> fieldsAtFault(Proposal.Request request) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Proposal.of(request, "Europe/London", NOW));
        assertThat(e).as("expected the proposal to be refused").isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aWallClockTimeIsReadInTheMembersZoneOnEitherSideOfTheDstChange() {
        // Berlin moves from +01:00 to +02:00 on 2027-03-28 at 02:00.
        Proposal proposal = Proposal.of(request(List.of(new SlotRequest("2027-03-27T10:00", 30),
                new SlotRequest("2027-03-29T10:00", 60)), phone(), "Europe/Berlin", "Learn the day-to-day."),
                "Europe/London", NOW);

        assertThat(proposal.slots()).extracting(Slot::start).containsExactly(
                Instant.parse("2027-03-27T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"));
        assertThat(proposal.contactTimeZone().getId()).as("from the read model when not given").isEqualTo("Europe/London");
    }

    @Test
    void aWallClockTimeThatDoesNotExistOrExistsTwiceIsRefused() {
        InvalidInputException gap = catchThrowableOfType(InvalidInputException.class, () -> Proposal.of(
                request(List.of(new SlotRequest("2027-03-28T02:30", 30)), phone(), "Europe/Berlin", "Learn."), "Europe/London", NOW));
        assertThat(gap.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("slots[0].start");
            assertThat(p.message()).contains("does not exist in Europe/Berlin");
        });

        // Berlin falls back from 03:00 to 02:00 on 2027-10-31: 02:30 happens twice.
        InvalidInputException twice = catchThrowableOfType(InvalidInputException.class, () -> Proposal.of(
                request(List.of(new SlotRequest("2027-10-31T02:30", 30)), phone(), "Europe/Berlin", "Learn."), "Europe/London", NOW));
        assertThat(twice.problems().getFirst().message()).contains("occurs twice");

        Proposal withOffset = Proposal.of(request(List.of(new SlotRequest("2027-10-31T02:30+01:00", 30)), phone(),
                "Europe/Berlin", "Learn."), "Europe/London", NOW);
        assertThat(withOffset.slots().getFirst().start()).isEqualTo(Instant.parse("2027-10-31T01:30:00Z"));
    }

    @Test
    void aSlotAcrossTheFallBackLastsItsMinutesOfRealTime() {
        Proposal proposal = Proposal.of(request(List.of(new SlotRequest("2027-10-31T02:45+02:00", 30)), phone(),
                "Europe/Berlin", "Learn."), "Europe/London", NOW);
        Slot slot = proposal.slots().getFirst();
        assertThat(java.time.Duration.between(slot.start(), slot.end()).toMinutes()).isEqualTo(30);
        assertThat(slot.end().atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalTime())
                .as("02:45 CEST + 30 min is 02:15 CET").isEqualTo(java.time.LocalTime.of(2, 15));
    }

    @Test
    void slotsMustBeOneToFourInTheFutureAndFifteenToSixtyMinutes() {
        assertThat(fieldsAtFault(request(List.of(), phone(), "Europe/Berlin", "Learn."))).containsExactly("slots");
        assertThat(fieldsAtFault(request(List.of(new SlotRequest("2027-04-01T10:00", 30), new SlotRequest("2027-04-02T10:00", 30),
                new SlotRequest("2027-04-03T10:00", 30), new SlotRequest("2027-04-04T10:00", 30),
                new SlotRequest("2027-04-05T10:00", 30)), phone(), "Europe/Berlin", "Learn."))).containsExactly("slots");
        assertThat(fieldsAtFault(request(List.of(new SlotRequest("2027-02-01T10:00", 30)), phone(), "Europe/Berlin", "Learn.")))
                .containsExactly("slots[0].start");
        assertThat(fieldsAtFault(request(List.of(new SlotRequest("2027-04-01T10:00", 14),
                new SlotRequest("2027-04-02T10:00", 61)), phone(), "Europe/Berlin", "Learn.")))
                .containsExactly("slots[0].minutes", "slots[1].minutes");
        assertThat(fieldsAtFault(request(List.of(new SlotRequest("2027-04-01T10:00", 30),
                new SlotRequest("2027-04-01T10:15", 30)), phone(), "Europe/Berlin", "Learn.")))
                .containsExactly("slots[1]");
        assertThat(fieldsAtFault(request(List.of(new SlotRequest("next tuesday", 30)), phone(), "Europe/Berlin", "Learn.")))
                .containsExactly("slots[0].start");
    }

    @Test
    void theObjectiveIsOneSentenceOfAtMost200Characters() {
        List<SlotRequest> slot = List.of(new SlotRequest("2027-04-01T10:00", 30));
        assertThat(fieldsAtFault(request(slot, phone(), "Europe/Berlin", " "))).containsExactly("objective");
        assertThat(fieldsAtFault(request(slot, phone(), "Europe/Berlin", "x".repeat(201)))).containsExactly("objective");
        assertThat(Proposal.of(request(slot, phone(), "Europe/Berlin", "x".repeat(200)), "Europe/London", NOW).objective()).hasSize(200);
    }

    @Test
    void timeZonesMustBeIanaZones() {
        List<SlotRequest> slot = List.of(new SlotRequest("2027-04-01T10:00Z", 30));
        assertThat(fieldsAtFault(request(slot, phone(), "Mars/Olympus", "Learn."))).containsExactly("memberTimeZone");
        assertThat(fieldsAtFault(request(slot, phone(), "+02:00", "Learn."))).containsExactly("memberTimeZone");
        assertThat(fieldsAtFault(new Proposal.Request("c-1", "Learn.", slot, phone(), "Europe/Berlin", "Nowhere/Land")))
                .containsExactly("contactTimeZone");
    }

    @Test
    void aContactWithoutATimeZoneIsAssumedInTheMembersZoneAndTheProposalSaysSo() {
        List<SlotRequest> slot = List.of(new SlotRequest("2027-04-01T10:00Z", 30));

        Proposal assumed = Proposal.of(new Proposal.Request("c-1", "Learn.", slot, phone(), "Europe/Berlin", null), null, NOW);
        Proposal known = Proposal.of(new Proposal.Request("c-1", "Learn.", slot, phone(), "Europe/Berlin", null),
                "Europe/London", NOW);

        assertThat(assumed.contactTimeZone().getId()).isEqualTo("Europe/Berlin");
        assertThat(assumed.contactTimeZoneAssumed()).isTrue();
        assertThat(known.contactTimeZone().getId()).isEqualTo("Europe/London");
        assertThat(known.contactTimeZoneAssumed()).isFalse();
    }

    @Test
    void eachFormatNeedsItsOwnDetail() {
        List<SlotRequest> slot = List.of(new SlotRequest("2027-04-01T10:00Z", 30));
        assertThat(fieldsAtFault(request(slot, new Proposal.FormatRequest("IN_PERSON", " ", null, null, null),
                "Europe/Berlin", "Learn."))).containsExactly("format.address");
        assertThat(fieldsAtFault(request(slot, new Proposal.FormatRequest("PHONE", null, "call me", null, null),
                "Europe/Berlin", "Learn."))).containsExactly("format.phone");
        assertThat(fieldsAtFault(request(slot, new Proposal.FormatRequest("VIDEO", null, null, "skype", "http://zoom.us/j/1"),
                "Europe/Berlin", "Learn."))).containsExactly("format.platform", "format.link");
        assertThat(fieldsAtFault(request(slot, new Proposal.FormatRequest("carrier pigeon", null, null, null, null),
                "Europe/Berlin", "Learn."))).containsExactly("format.kind");
        assertThat(fieldsAtFault(request(slot, null, "Europe/Berlin", "Learn."))).containsExactly("format");
        Proposal inPerson = Proposal.of(request(slot, new Proposal.FormatRequest("in person", "Unter den Linden 1, Berlin",
                null, null, null), "Europe/Berlin", "Learn."), "Europe/London", NOW);
        assertThat(inPerson.format().kind()).isEqualTo(FormatKind.IN_PERSON);
    }
}
