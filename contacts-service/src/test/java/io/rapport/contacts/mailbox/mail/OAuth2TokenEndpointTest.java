package io.rapport.contacts.mailbox.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.contacts.mailbox.AccessTokens;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import io.rapport.contacts.mailbox.mail.OAuth2TokenEndpoint.ClientAuthentication;
import io.rapport.contacts.mailbox.mail.TokenEndpointServer.Answer;
import io.rapport.test.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The refresh-token exchange against a real HTTP token endpoint on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class OAuth2TokenEndpointTest {

    private final TokenEndpointServer provider = new TokenEndpointServer("rapport-client", "client-secret-xyz");
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void theRefreshTokenIsExchangedWithTheClientsFormAndTheAccessTokenKeptUntilAMinuteBeforeItExpires() {
        provider.answer("rt-1", Answer.token("at-1", 3600, null));
        OAuth2TokenEndpoint tokens = endpoint(ClientAuthentication.POST, "https://mail.example/imap");

        AccessTokens.Grant first = tokens.accessFor("m-1", "rt-1");

        assertThat(first.accessToken()).isEqualTo("at-1");
        assertThat(first.fresh()).isTrue();
        assertThat(first.newRefreshToken()).as("not rotated").isNull();
        assertThat(provider.requests()).singleElement().isEqualTo(Map.of("grant_type", "refresh_token",
                "refresh_token", "rt-1", "scope", "https://mail.example/imap", "client_id", "rapport-client",
                "client_secret", "client-secret-xyz"));

        clock.advance(Duration.ofMinutes(58));
        provider.answer("rt-1", Answer.token("at-2", 3600, null));
        assertThat(tokens.accessFor("m-1", "rt-1")).extracting(AccessTokens.Grant::accessToken,
                AccessTokens.Grant::fresh).containsExactly("at-1", false);
        assertThat(provider.exchangesOf("rt-1")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1)); // 59 minutes: within the minute before expiry
        assertThat(tokens.accessFor("m-1", "rt-1")).extracting(AccessTokens.Grant::accessToken,
                AccessTokens.Grant::fresh).containsExactly("at-2", true);
        assertThat(provider.exchangesOf("rt-1")).isEqualTo(2);

        tokens.forget("m-1");
        tokens.accessFor("m-1", "rt-1");
        assertThat(provider.exchangesOf("rt-1")).as("a forgotten token is asked for again").isEqualTo(3);
    }

    @Test
    void aShortLivedTokenIsKeptForHalfItsLifeAndExpiredOnesAreDropped() {
        provider.answer("rt-1", Answer.token("at-1", 60, null)).answer("rt-2", Answer.token("at-x", 3600, null));
        OAuth2TokenEndpoint tokens = endpoint(ClientAuthentication.POST, "");

        tokens.accessFor("m-1", "rt-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.accessFor("m-1", "rt-1").fresh()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.accessFor("m-1", "rt-1").fresh()).isTrue();
        assertThat(provider.requests().getFirst()).as("no scope configured, none sent").doesNotContainKey("scope");

        clock.advance(Duration.ofSeconds(30));
        tokens.accessFor("m-2", "rt-2");
        assertThat(tokens.kept()).as("m-1's expired token is not held on to").isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenIsHandedBackToBeStored() {
        provider.answer("rt-1", Answer.token("at-1", 3600, "rt-2"));

        AccessTokens.Grant grant = endpoint(ClientAuthentication.POST, "").accessFor("m-1", "rt-1");

        assertThat(grant.newRefreshToken()).isEqualTo("rt-2");
        assertThat(grant.toString()).doesNotContain("rt-", "at-");
    }

    @Test
    void withHttpBasicTheClientIsInTheHeaderNotTheForm() {
        provider.answer("rt-1", Answer.token("at-1", 3600, null));

        assertThat(endpoint(ClientAuthentication.BASIC, "").accessFor("m-1", "rt-1").accessToken()).isEqualTo("at-1");

        assertThat(provider.requests()).singleElement().satisfies(form -> assertThat(form)
                .doesNotContainKeys("client_id", "client_secret").containsEntry("grant_type", "refresh_token"));
    }

    @Test
    void invalidGrantIsARefusedSignInWhileServerErrorsAndSilenceAreTransientAndNoTokenIsLogged(CapturedOutput output) {
        provider.answer("revoked-rt", Answer.error(400, "invalid_grant"))
                .answer("rt-busy", Answer.error(503, "temporarily_unavailable"))
                .answer("rt-slow", new Answer(200, "{}", 3_000))
                .answer("rt-odd", new Answer(200, "{\"access_token\":\"at-mac\",\"token_type\":\"mac\"}", 0))
                .answer("rt-teapot", new Answer(418, "not json", 0));
        OAuth2TokenEndpoint tokens = new OAuth2TokenEndpoint(client(ClientAuthentication.POST, ""),
                Duration.ofMillis(500), clock);

        assertFailure(() -> tokens.accessFor("m-1", "revoked-rt"), failure -> {
            assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.AUTHENTICATION);
            assertThat(failure.getMessage()).isEqualTo("The mail provider's sign-in service refused the saved"
                    + " authorization (invalid_grant: it was revoked or has expired).");
        });
        assertFailure(() -> tokens.accessFor("m-1", "rt-busy"), failure -> {
            assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.UNREACHABLE);
            assertThat(failure.getMessage()).contains("answered 503", "trying again later");
        });
        assertFailure(() -> tokens.accessFor("m-1", "rt-slow"), failure -> {
            assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.UNREACHABLE);
            assertThat(failure.getMessage()).contains("did not answer in time");
        });
        assertFailure(() -> tokens.accessFor("m-1", "rt-odd"), failure ->
                assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.OTHER));
        assertFailure(() -> tokens.accessFor("m-1", "rt-teapot"), failure -> {
            assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.OTHER);
            assertThat(failure.getMessage()).contains("answered 418");
        });
        OAuth2TokenEndpoint wrongClient = new OAuth2TokenEndpoint(new OAuth2TokenEndpoint.Client(provider.uri(),
                "rapport-client", "wrong-secret", "", ClientAuthentication.POST), Duration.ofSeconds(2), clock);
        assertFailure(() -> wrongClient.accessFor("m-1", "rt-busy"), failure -> {
            assertThat(failure.kind()).as("the operator's to fix, not the member's").isEqualTo(
                    MailboxReadFailure.Kind.OTHER);
            assertThat(failure.getMessage()).contains("invalid_client");
        });
        OAuth2TokenEndpoint nobody = new OAuth2TokenEndpoint(new OAuth2TokenEndpoint.Client(URI.create(
                "http://127.0.0.1:1/token"), "rapport-client", "", "", ClientAuthentication.POST), Duration.ofSeconds(2),
                clock);
        assertFailure(() -> nobody.accessFor("m-1", "rt-1"), failure ->
                assertThat(failure.kind()).isEqualTo(MailboxReadFailure.Kind.UNREACHABLE));

        assertThat(output.getAll()).contains("invalid_grant").doesNotContain("revoked-rt", "rt-busy", "rt-slow",
                "at-mac", "client-secret-xyz", "wrong-secret");
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            Consumer<MailboxReadFailure> check) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MailboxReadFailure.class, check);
    }

    private OAuth2TokenEndpoint endpoint(ClientAuthentication authentication, String scope) {
        return new OAuth2TokenEndpoint(client(authentication, scope), Duration.ofSeconds(5), clock);
    }

    private OAuth2TokenEndpoint.Client client(ClientAuthentication authentication, String scope) {
        return new OAuth2TokenEndpoint.Client(provider.uri(), "rapport-client", "client-secret-xyz", scope,
                authentication);
    }
}
