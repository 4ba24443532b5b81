package io.rapport.reminders.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.MailboxPaused;
import io.rapport.events.OutreachSent;
import io.rapport.events.OutreachSuggested;
import io.rapport.platform.domain.Member;
import io.rapport.reminders.EmbeddedStore;
import io.rapport.test.TestClock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What contacts-service's mailbox watcher tells the member through the inbox, on the real MongoDB adapter. */
class MailboxInboxRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");

    private static TestClock clock;
    private static EmbeddedStore store;
    private FollowUpRules rules;
    private Member member;

    @BeforeAll
    static void startStore() {
        clock = new TestClock(NOW);
        store = new EmbeddedStore(clock);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @BeforeEach
    void newMember() {
        clock.set(NOW);
        rules = new FollowUpRules(store.reminders, store.preferences, clock);
        member = new Member("ada", "uni-" + UUID.randomUUID());
    }

    @Test
    void aPausedMailboxIsInTheInboxAtOnceOncePerPause() {
        MailboxPaused paused = new MailboxPaused("m-1", "Paused after 3 failed sign-ins: The mail server imap.example.org "
                + "refused the user name or password. Connect the mailbox again to resume.", NOW);

        rules.apply(member, "e-1", paused);
        rules.apply(member, "e-1", paused);

        assertThat(store.reminders.all(member)).singleElement().satisfies(reminder -> {
            assertThat(reminder.rule()).isEqualTo(ReminderRule.MAILBOX_PAUSED);
            assertThat(reminder.title()).startsWith("Your mailbox is paused: Paused after 3 failed sign-ins");
            assertThat(reminder.dueAt()).isEqualTo(NOW);
            assertThat(reminder.status()).isEqualTo(ReminderStatus.SCHEDULED);
        });
    }

    @Test
    void mailSentToAContactWithoutLoggedOutreachIsOneSuggestionPerMessageAndNoFollowUpTimers() {
        OutreachSuggested suggested = new OutreachSuggested("mail-abc-c-1", "c-1", "Northwind", NOW.minusSeconds(7200));

        rules.apply(member, "e-1", suggested);
        rules.apply(member, "e-2", suggested);

        assertThat(store.reminders.all(member)).singleElement().satisfies(reminder -> {
            assertThat(reminder.rule()).isEqualTo(ReminderRule.LOG_OUTREACH);
            assertThat(reminder.contactId()).isEqualTo("c-1");
            assertThat(reminder.title()).startsWith("You wrote to your contact").endsWith("log this as outreach?");
            assertThat(reminder.dueAt()).isEqualTo(NOW);
        });
        assertThat(store.reminders.all(member)).noneMatch(reminder -> ReminderRule.FOLLOW_UPS.contains(reminder.rule()));

        rules.apply(member, "e-3", new OutreachSent("o-1", "c-1", "Northwind", "EMAIL", "UTC", NOW, null));
        assertThat(store.reminders.all(member)).filteredOn(reminder -> ReminderRule.FOLLOW_UPS.contains(reminder.rule()))
                .as("3B7 starts only when the member logs it").hasSize(2);
    }
}
