package io.rapport.contacts.mailbox;

import io.rapport.platform.secrets.SealedSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxDeskTest {

    private static final Member ALICE = new Member("alice", "uni");
    private final List<Change<Mailbox>> saved = new ArrayList<>();
    private final Mailboxes store = new Mailboxes() {
        @Override
        public Optional<Mailbox> find(Member owner) {
            return saved.isEmpty() ? Optional.empty() : Optional.of(saved.getLast().state());
        }

        @Override
        public void save(Change<Mailbox> change) {
            saved.add(change);
        }

        @Override
        public boolean saveAt(Change<Mailbox> change, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Mailbox> claimDue(Instant now, Instant leaseUntil, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long deleteAll(Member owner) {
            throw new UnsupportedOperationException();
        }
    };
    private final SealedSecrets cipher = SealedSecrets.withKey("rapport.mailbox.key", Base64.getEncoder().encodeToString(new byte[32]));
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void aServerOnTheServicesOwnNetworkOrWithoutTlsIsRefusedNamingTheFields() {
        MailboxDesk desk = new MailboxDesk(store, cipher, () -> { }, false, clock);

        for (String local : List.of("127.0.0.1", "localhost", "10.0.0.7", "192.168.1.1", "169.254.169.254",
                "0.0.0.0")) {
            assertThatThrownBy(() -> desk.connect(ALICE, MailboxServer.of(local, 993, true, "alice", "pw")))
                    .as(local).isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.field()).isEqualTo("host");
                                assertThat(problem.message()).contains("local or private address");
                            }));
        }
        assertThat(ServerAddresses.refusal("::1")).as("IPv6 loopback (the host rule takes names and IPv4)").isPresent();
        assertThat(ServerAddresses.refusal("fd00::1")).as("IPv6 unique local").isPresent();
        assertThatThrownBy(() -> desk.connect(ALICE, MailboxServer.of("203.0.113.9", 143, false, "alice", "pw")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .extracting(problem -> problem.field()).containsExactly("tls"));
        assertThat(saved).isEmpty();
    }

    @Test
    void aPublicServerOverTlsIsConnectedWithThePasswordSealedAndTheWatcherWoken() {
        int[] wakes = {0};
        MailboxDesk desk = new MailboxDesk(store, cipher, () -> wakes[0]++, false, clock);

        Mailbox connected = desk.connect(ALICE, MailboxServer.of("203.0.113.9", null, null, "alice", "app pass"));

        assertThat(connected.state()).isEqualTo(MailboxState.CONNECTED);
        assertThat(connected.server().password()).isNull();
        assertThat(cipher.open(ALICE, connected.sealedPassword())).isEqualTo("app pass");
        assertThat(wakes[0]).isEqualTo(1);
        assertThat(ServerAddresses.refusal("203.0.113.9")).isEmpty();
    }

    @Test
    void localServersMayBeAllowedForTests() {
        MailboxDesk desk = new MailboxDesk(store, cipher, () -> { }, true, clock);

        assertThat(desk.connect(ALICE, MailboxServer.of("127.0.0.1", 3143, false, "alice", "pw")).state())
                .isEqualTo(MailboxState.CONNECTED);
    }

    @Test
    void oauth2IsRefusedNamingAuthWhereTheInstanceHasNoOAuth2ClientAndSealedLikeAPasswordWhereItHas() {
        MailboxServer oauth2 = MailboxServer.of("203.0.113.9", null, null, "alice@example.org", "oauth2", null,
                "1//refresh");

        assertThatThrownBy(() -> new MailboxDesk(store, cipher, () -> { }, false, false, clock).connect(ALICE, oauth2))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("auth");
                            assertThat(problem.message()).contains("oauth2 is not offered on this server",
                                    "rapport.mailbox.oauth2.token-uri");
                        }));
        assertThat(saved).isEmpty();

        Mailbox connected = new MailboxDesk(store, cipher, () -> { }, false, true, clock).connect(ALICE, oauth2);
        assertThat(connected.server().auth()).isEqualTo(MailboxAuth.OAUTH2);
        assertThat(connected.server().password()).isNull();
        assertThat(connected.sealedPassword()).doesNotContain("refresh");
        assertThat(cipher.open(ALICE, connected.sealedPassword())).isEqualTo("1//refresh");
    }
}
