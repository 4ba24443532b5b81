package io.rapport.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The burst's creates: an uncertain answer is looked into before the create is repeated, so nothing is made twice. */
class ReminderBurstTest {

    private final AtomicInteger creates = new AtomicInteger();

    @Test
    void aCreateAnsweredWithA503ThatTookEffectIsFoundNotMadeAgain() {
        MemberCalls.Answer answer = ReminderBurst.createOnce(answering(503),
                () -> new ReminderBurst.Lookup("employer-1", true));

        assertThat(creates).hasValue(1);
        assertThat(answer.ok()).isTrue();
        assertThat(answer.id()).isEqualTo("employer-1");
    }

    @Test
    void aCreateThatDidNotTakeEffectIsMadeAgainOnceTheLookSaysSo() {
        Deque<ReminderBurst.Lookup> looks = new ArrayDeque<>(List.of(ReminderBurst.Lookup.UNKNOWN,
                ReminderBurst.Lookup.NOT_FOUND));
        MemberCalls.Answer answer = ReminderBurst.createOnce(answering(-1, 201), looks::pop);

        assertThat(creates).as("created again only after a certain 'not there'").hasValue(2);
        assertThat(looks).isEmpty();
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.id()).isEqualTo("made-2");
    }

    @Test
    void aRepeatedContactRefusedAsADuplicateIsTheOneTheFirstTryMade() {
        MemberCalls.Answer answer = ReminderBurst.createOnce(answering(502, 409),
                () -> ReminderBurst.Lookup.NOT_FOUND);

        assertThat(creates).hasValue(2);
        assertThat(answer.ok()).isTrue();
        assertThat(answer.id()).isEqualTo("contact-from-the-first-try");
    }

    @Test
    void aCreateRefusedForGoodIsNotRepeated() {
        MemberCalls.Answer answer = ReminderBurst.createOnce(answering(400), () -> {
            throw new AssertionError("a 4xx is certain: nothing to look for");
        });

        assertThat(creates).hasValue(1);
        assertThat(answer.status()).isEqualTo(400);
    }

    /** A create answered with these statuses in turn (the last one again after them). */
    private java.util.function.Supplier<MemberCalls.Answer> answering(int... statuses) {
        return () -> {
            int n = creates.incrementAndGet();
            int status = statuses[Math.min(n, statuses.length) - 1];
            String body = switch (status) {
                case 201 -> "{\"id\": \"made-" + n + "\"}";
                case 409 -> "{\"status\": 409, \"existingContactId\": \"contact-from-the-first-try\"}";
                case 400 -> "{\"status\": 400, \"title\": \"Bad request\"}";
                default -> "{\"status\": " + status + "}";
            };
            return new MemberCalls.Answer(status, body, 1000L * n);
        };
    }
}
