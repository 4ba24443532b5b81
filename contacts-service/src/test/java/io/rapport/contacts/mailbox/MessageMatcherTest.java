package io.rapport.contacts.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.ContactInput;
import io.rapport.contacts.contacts.OutreachChannel;
import io.rapport.contacts.contacts.OutreachStatus;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MessageMatcherTest {

    private static final Member ALICE = new Member("alice", "uni");
    private static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z"); // a Monday
    private static final Instant NOW = SENT.plus(Duration.ofDays(10));
    private static final String ME = "alice@uni.example";

    private final Contact grace = contact("c-grace", "Grace Hopper", "Grace@Navy.example", "Navy Labs");
    private final Contact graceWritten = grace.recordOutreach("o-1", OutreachChannel.EMAIL, "Hello", SENT,
            ZoneOffset.UTC, null, SENT).state();
    private final Contact ada = contact("c-ada", "Ada Lovelace", "ada@engine.example", "Engines");

    private Function<String, Optional<Contact>> book(Contact... contacts) {
        Map<String, Contact> byEmail = new java.util.HashMap<>();
        for (Contact contact : contacts) {
            byEmail.put(contact.details().email().toLowerCase(), contact);
        }
        return email -> Optional.ofNullable(byEmail.get(email));
    }

    private static MailHeader mail(String id, String from, String to, Instant date, String inReplyTo) {
        return new MailHeader(id, List.of(from), List.of(to), date, inReplyTo);
    }

    @Test
    void aMessageFromAContactWithOutreachWaitingIsTheReplyToTheLatestOutreachSentBeforeIt() {
        Contact twice = graceWritten.recordOutreach("o-2", OutreachChannel.EMAIL, "Again", SENT.plus(Duration.ofDays(5)),
                ZoneOffset.UTC, null, SENT).state();
        Instant at = SENT.plus(Duration.ofDays(6));

        Optional<MessageMatcher.Reply> reply = MessageMatcher.reply(
                mail("<r1@navy.example>", "grace@navy.example", ME, at, "<o@uni>"), ME, book(twice), NOW);

        assertThat(reply).hasValueSatisfying(found -> {
            assertThat(found.contact().id()).isEqualTo("c-grace");
            assertThat(found.outreach().id()).isEqualTo("o-2");
            assertThat(found.at()).isEqualTo(at);
            assertThat(found.messageKey()).isEqualTo(MessageMatcher.key(
                    mail("<R1@navy.example> ", "x", "y", null, null))).as("the key follows the Message-ID only");
        });
    }

    @Test
    void aStrangerTheMemberHerselfAContactWithoutOutreachOrAMessageOlderThanTheOutreachIsNoReply() {
        Instant at = SENT.plus(Duration.ofDays(1));
        assertThat(MessageMatcher.reply(mail("<a>", "stranger@else.example", ME, at, null), ME, book(graceWritten), NOW))
                .as("a stranger").isEmpty();
        assertThat(MessageMatcher.reply(mail("<b>", ME, "grace@navy.example", at, null), ME, book(graceWritten), NOW))
                .as("the member's own message").isEmpty();
        assertThat(MessageMatcher.reply(mail("<c>", "ada@engine.example", ME, at, null), ME, book(ada), NOW))
                .as("a contact with no outreach").isEmpty();
        assertThat(MessageMatcher.reply(mail("<d>", "grace@navy.example", ME, SENT.minusSeconds(60), null), ME,
                book(graceWritten), NOW)).as("written before the outreach went out").isEmpty();
        Contact answered = graceWritten.recordAnswer("o-1", OutreachStatus.REPLIED, at, SENT).state();
        assertThat(MessageMatcher.reply(mail("<e>", "grace@navy.example", ME, at.plusSeconds(60), null), ME,
                book(answered), NOW)).as("already answered").isEmpty();
    }

    @Test
    void aReplyDatedInTheSecondTheOutreachWasLoggedAnswersIt() {
        // the outreach was logged 700 ms into the second; the reply's Date header can only name the whole second
        Instant logged = SENT.plusMillis(700);
        Contact written = grace.recordOutreach("o-1", OutreachChannel.EMAIL, "Hello", logged, ZoneOffset.UTC, null,
                logged).state();

        assertThat(MessageMatcher.reply(mail("<quick>", "grace@navy.example", ME, SENT, null), ME, book(written), NOW))
                .hasValueSatisfying(found -> {
                    assertThat(found.outreach().id()).isEqualTo("o-1");
                    assertThat(found.at()).as("not answered before it was sent").isEqualTo(logged);
                });
        assertThat(MessageMatcher.reply(mail("<before>", "grace@navy.example", ME, SENT.minusSeconds(1), null), ME,
                book(written), NOW)).as("dated the second before").isEmpty();
    }

    @Test
    void aMessageWithoutADateOrFromTheFutureCountsAsNow() {
        assertThat(MessageMatcher.reply(mail("<f>", "grace@navy.example", ME, null, null), ME, book(graceWritten), NOW))
                .hasValueSatisfying(found -> assertThat(found.at()).isEqualTo(NOW));
        assertThat(MessageMatcher.reply(mail("<g>", "grace@navy.example", ME, NOW.plusSeconds(3600), null), ME,
                book(graceWritten), NOW)).hasValueSatisfying(found -> assertThat(found.at()).isEqualTo(NOW));
    }

    @Test
    void mailTheMemberSentToAContactWithNoOutreachLoggedAroundThenIsASuggestionNeverForStrangersOrConversations() {
        Instant at = SENT.plus(Duration.ofDays(3));
        MailHeader toBoth = new MailHeader("<s1@uni>", List.of(ME),
                List.of("ada@engine.example", "grace@navy.example", "stranger@else.example", "ada@engine.example"),
                at, null);

        List<MessageMatcher.Suggestion> suggestions = MessageMatcher.suggestions(toBoth, ME, book(ada, graceWritten), NOW);

        assertThat(suggestions).as("Ada once; Grace has outreach but not around then; no stranger")
                .extracting(suggestion -> suggestion.contact().id()).containsExactly("c-ada", "c-grace");
        assertThat(suggestions.get(0).messageKey()).isNotEqualTo(suggestions.get(1).messageKey());

        MailHeader theLoggedOne = mail("<s2@uni>", ME, "grace@navy.example", SENT.plus(Duration.ofHours(2)), null);
        assertThat(MessageMatcher.suggestions(theLoggedOne, ME, book(graceWritten), NOW))
                .as("the outreach logged that day is this message").isEmpty();
        MailHeader answer = mail("<s3@uni>", ME, "ada@engine.example", at, "<earlier@engine.example>");
        assertThat(MessageMatcher.suggestions(answer, ME, book(ada), NOW)).as("a reply in a conversation").isEmpty();
    }

    private static Contact contact(String id, String name, String email, String employer) {
        ContactDetails details = ContactDetails.of(ContactInput.basic(name, email, employer, null, null, null));
        return Contact.add(id, ALICE, details, SENT.minus(Duration.ofDays(30))).state();
    }
}
