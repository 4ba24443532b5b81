package io.rapport.contacts.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.events.MailboxConnected;
import io.rapport.events.MailboxDisconnected;
import io.rapport.events.MailboxPaused;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(2);
    private static final MailboxServer SERVER = MailboxServer.of("imap.example.org", null, null, "alice@example.org",
            "hunter2 hunter2");

    private final Mailbox connected = Mailbox.connect("m-1", new Member("alice", "uni"), SERVER, "v1:sealed", NOW).state();

    @Test
    void connectingKeepsNoPasswordButTheSealedOneAndIsDueAtOnce() {
        Change<Mailbox> change = Mailbox.connect("m-1", new Member("alice", "uni"), SERVER, "v1:sealed", NOW);

        assertThat(change.state().server().password()).isNull();
        assertThat(change.state().sealedPassword()).isEqualTo("v1:sealed");
        assertThat(change.state().nextCheckAt()).isEqualTo(NOW);
        assertThat(change.events()).singleElement().isInstanceOf(MailboxConnected.class);
        assertThat(SERVER.toString()).doesNotContain("hunter2");
        assertThat(change.state().toString()).doesNotContain("hunter2", "sealed");
    }

    @Test
    void failuresBackOffDoublingAndTheThirdRefusedSignInInARowPausesAndTellsTheMember() {
        Change<Mailbox> first = connected.failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL);
        assertThat(first.state().nextCheckAt()).isEqualTo(NOW.plus(INTERVAL));
        Change<Mailbox> second = first.state().failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL);
        assertThat(second.state().nextCheckAt()).isEqualTo(NOW.plus(INTERVAL.multipliedBy(2)));
        assertThat(second.state().state()).isEqualTo(MailboxState.CONNECTED);
        assertThat(second.events()).isEmpty();

        Change<Mailbox> third = second.state().failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL);

        assertThat(third.state().state()).isEqualTo(MailboxState.PAUSED);
        assertThat(third.state().nextCheckAt()).as("out of the due range").isNull();
        assertThat(third.state().lastError()).contains("Paused after 3 failed sign-ins", "Connect the mailbox again");
        assertThat(third.events()).singleElement().isInstanceOfSatisfying(MailboxPaused.class,
                paused -> assertThat(paused.reason()).isEqualTo(third.state().lastError()));
    }

    @Test
    void anUnreachableServerIsRetriedWithBackOffUpToAnHourAndNeverPausesAndASuccessForgetsTheFailures() {
        Mailbox failing = connected;
        for (int i = 0; i < 12; i++) {
            failing = failing.failed(MailboxReadFailure.Kind.UNREACHABLE, "Could not reach.", NOW, INTERVAL).state();
        }
        assertThat(failing.state()).isEqualTo(MailboxState.CONNECTED);
        assertThat(failing.nextCheckAt()).isEqualTo(NOW.plus(Mailbox.MAX_BACK_OFF));
        Mailbox refusedTwice = failing.failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL).state()
                .failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL).state();

        Mailbox ok = refusedTwice.checked(new MailboxReading(List.of(), List.of(), new FolderCursor(1, 5), null, false),
                List.of(), NOW, INTERVAL).state();

        assertThat(ok.failures()).isZero();
        assertThat(ok.authFailures()).isZero();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.nextCheckAt()).isEqualTo(NOW.plus(INTERVAL));
        assertThat(ok.inbox()).isEqualTo(new FolderCursor(1, 5));
        assertThat(ok.failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused.", NOW, INTERVAL).state().state())
                .as("one refusal after a success starts counting again").isEqualTo(MailboxState.CONNECTED);
    }

    @Test
    void aPasswordSealedUnderAnotherKeyPausesAtOnce() {
        Change<Mailbox> paused = connected.unreadable("The stored mailbox password cannot be read with this server's key;"
                + " connect the mailbox again.", NOW);

        assertThat(paused.state().state()).isEqualTo(MailboxState.PAUSED);
        assertThat(paused.state().nextCheckAt()).isNull();
        assertThat(paused.events()).singleElement().isInstanceOfSatisfying(MailboxPaused.class,
                event -> assertThat(event.reason()).contains("connect the mailbox again"));
    }

    @Test
    void disconnectingDropsTheCredentialsOnce() {
        Change<Mailbox> gone = connected.disconnect(NOW);

        assertThat(gone.state().server()).isNull();
        assertThat(gone.state().sealedPassword()).isNull();
        assertThat(gone.state().state()).isEqualTo(MailboxState.DISCONNECTED);
        assertThat(gone.events()).singleElement().isInstanceOf(MailboxDisconnected.class);
        assertThat(gone.state().disconnect(NOW).events()).isEmpty();
    }

    @Test
    void everyFieldIsBoundedAndEveryFaultIsNamedInOneRefusal() {
        assertThatThrownBy(() -> MailboxServer.of("x".repeat(254), 0, true, "u".repeat(321), ""))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field() + " " + problem.message())
                        .containsExactlyInAnyOrder("host must be at most 253 characters",
                                "port must be between 1 and 65535", "user must be at most 320 characters",
                                "password is required"));
        assertThatThrownBy(() -> MailboxServer.of("imap example.org/../", 993, true, "a", "p".repeat(1001)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field()).containsExactlyInAnyOrder("host", "password"));
        assertThat(MailboxServer.of(" imap.example.org ", null, null, " alice ", " spaced app password ")).satisfies(server -> {
            assertThat(server.host()).isEqualTo("imap.example.org");
            assertThat(server.port()).isEqualTo(993);
            assertThat(server.tls()).isTrue();
            assertThat(server.user()).isEqualTo("alice");
            assertThat(server.password()).as("taken as typed").isEqualTo(" spaced app password ");
        });
    }

    @Test
    void anOAuth2ConnectionTakesARefreshTokenInsteadOfAPasswordAndNamesEveryMisfit() {
        MailboxServer oauth2 = MailboxServer.of("imap.example.org", null, null, "alice@example.org", "OAuth2", null,
                "1//refresh-token");
        assertThat(oauth2.auth()).isEqualTo(MailboxAuth.OAUTH2);
        assertThat(oauth2.password()).as("the refresh token, to be sealed").isEqualTo("1//refresh-token");
        assertThat(oauth2.toString()).doesNotContain("refresh-token").contains("OAuth2", "token hidden");
        assertThat(MailboxServer.of("imap.example.org", null, null, "a", null, "pw", null).auth())
                .as("password by default").isEqualTo(MailboxAuth.PASSWORD);

        assertThatThrownBy(() -> MailboxServer.of("imap.example.org", null, null, "a", "oauth2", "pw", " "))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field() + " " + problem.message()).containsExactlyInAnyOrder(
                                "refreshToken is required with auth oauth2",
                                "password must be absent with auth oauth2 (give refreshToken)"));
        assertThatThrownBy(() -> MailboxServer.of("imap.example.org", null, null, "a", "oauth2", null,
                "r".repeat(MailboxServer.MAX_REFRESH_TOKEN + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field() + " " + problem.message())
                        .containsExactly("refreshToken must be at most 8192 characters"));
        assertThatThrownBy(() -> MailboxServer.of("imap.example.org", null, null, "a", "kerberos", "pw", null))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field()).containsExactly("auth"));
        assertThatThrownBy(() -> MailboxServer.of("imap.example.org", null, null, "a", "password", "pw", "rt"))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field()).containsExactly("refreshToken"));
    }

    @Test
    void aPausedOAuth2MailboxAsksForANewRefreshTokenNotAPassword() {
        MailboxServer oauth2 = MailboxServer.of("imap.example.org", null, null, "alice@example.org", "oauth2", null,
                "rt");
        Mailbox mailbox = Mailbox.connect("m-2", new Member("alice", "uni"), oauth2, "v1:sealed", NOW).state();
        for (int i = 0; i < Mailbox.PAUSE_AFTER_AUTH_FAILURES; i++) {
            mailbox = mailbox.failed(MailboxReadFailure.Kind.AUTHENTICATION, "Refused (invalid_grant).", NOW,
                    java.time.Duration.ofMinutes(2)).state();
        }
        assertThat(mailbox.state()).isEqualTo(MailboxState.PAUSED);
        assertThat(mailbox.lastError()).contains("Refused (invalid_grant).", "new refresh token")
                .doesNotContain("app password");
        assertThat(mailbox.server().auth()).as("kept while paused").isEqualTo(MailboxAuth.OAUTH2);
        assertThat(mailbox.withSealedPassword("v1:rotated").sealedPassword()).isEqualTo("v1:rotated");
    }
}
