package io.rapport.contacts.mailbox.mail;

import io.rapport.contacts.mailbox.AccessTokens;
import io.rapport.contacts.mailbox.MailboxReadFailure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instance's OAuth2 token endpoint (RFC 6749 §6): a mailbox's refresh token is exchanged
 * ({@code grant_type=refresh_token}) for an access token, kept in memory (never stored) until
 * {@link #EXPIRY_MARGIN} before it expires. The client authenticates with its id and secret in the form
 * ({@code client_secret_post}, as Google and Microsoft document) or with HTTP Basic ({@code client_secret_basic});
 * a public client has no secret. Neither token, nor the secret, is ever logged or put in a failure's message.
 */
public class OAuth2TokenEndpoint implements AccessTokens {

    /** A token is renewed this long before the endpoint said it expires (at most half its life). */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    /** How long a token is kept when the endpoint does not say ({@code expires_in} is only recommended). */
    static final Duration UNSAID_LIFETIME = Duration.ofMinutes(5);
    /** An error code of RFC 6749 §5.2: printable ASCII without quote or backslash (safe to log and show). */
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OAuth2TokenEndpoint.class);

    /** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
    public enum ClientAuthentication {
        /** {@code client_id} and {@code client_secret} in the form. */
        POST,
        /** HTTP Basic with the client id and secret. */
        BASIC
    }

    /**
     * @param clientSecret blank for a public client
     * @param scope sent with each exchange when not blank (Microsoft requires it; Google does not)
     */
    public record Client(URI tokenUri, String clientId, String clientSecret, String scope,
            ClientAuthentication authentication) {

        @Override
        public String toString() {
            return "Client[" + tokenUri + ", " + clientId + ", secret hidden]";
        }
    }

    private record Kept(String accessToken, Instant renewAt) {
    }

    private final HttpClient http;
    private final Client client;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public OAuth2TokenEndpoint(Client client, Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Grant accessFor(String mailboxId, String refreshToken) {
        Instant now = clock.instant();
        Kept token = kept.get(mailboxId);
        if (token != null && now.isBefore(token.renewAt())) {
            return new Grant(token.accessToken(), null, false);
        }
        kept.values().removeIf(old -> !now.isBefore(old.renewAt())); // no access token outlives its use
        Exchanged exchanged = exchange(mailboxId, refreshToken);
        Duration life = exchanged.expiresIn() == null ? UNSAID_LIFETIME : exchanged.expiresIn();
        Duration margin = EXPIRY_MARGIN.compareTo(life.dividedBy(2)) < 0 ? EXPIRY_MARGIN : life.dividedBy(2);
        kept.put(mailboxId, new Kept(exchanged.accessToken(), clock.instant().plus(life.minus(margin))));
        return new Grant(exchanged.accessToken(), exchanged.refreshToken(), true);
    }

    @Override
    public void forget(String mailboxId) {
        kept.remove(mailboxId);
    }

    /** How many access tokens are kept (for tests). */
    int kept() {
        return kept.size();
    }

    private record Exchanged(String accessToken, String refreshToken, Duration expiresIn) {
    }

    private Exchanged exchange(String mailboxId, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        if (client.scope() != null && !client.scope().isBlank()) {
            form.put("scope", client.scope());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(client.tokenUri()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        boolean secret = client.clientSecret() != null && !client.clientSecret().isBlank();
        if (client.authentication() == ClientAuthentication.BASIC && secret) {
            // RFC 6749 §2.3.1: each part form-encoded before Basic's own encoding
            String pair = encode(client.clientId()) + ":" + encode(client.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", client.clientId());
            if (secret) {
                form.put("client_secret", client.clientSecret());
            }
        }
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            throw unreachable(mailboxId, "did not answer in time");
        } catch (IOException failed) {
            throw unreachable(mailboxId, "could not be reached (" + failed.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unreachable(mailboxId, "was not waited for (shutting down)");
        }
        return answer(mailboxId, response);
    }

    private Exchanged answer(String mailboxId, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw unreachable(mailboxId, "answered " + status);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException unreadable) {
            json = null;
        }
        if (status == 200 && json != null && json.path("access_token").isString()
                && !json.path("access_token").asString().isEmpty()) {
            String type = json.path("token_type").isString() ? json.path("token_type").asString() : "";
            if (!"bearer".equalsIgnoreCase(type)) {
                throw failure(mailboxId, MailboxReadFailure.Kind.OTHER, "The mail provider's sign-in service issued a"
                        + " token of another type than Bearer; trying again later.", "token type not Bearer");
            }
            JsonNode expires = json.path("expires_in");
            Duration expiresIn = expires.canConvertToLong() && expires.asLong() > 0
                    ? Duration.ofSeconds(expires.asLong()) : null;
            JsonNode renewed = json.path("refresh_token");
            String refreshToken = renewed.isString() && !renewed.asString().isEmpty() ? renewed.asString() : null;
            return new Exchanged(json.path("access_token").asString(), refreshToken, expiresIn);
        }
        String error = json != null && json.path("error").isString() ? json.path("error").asString() : null;
        String code = error != null && ERROR_CODE.matcher(error).matches() ? error : null;
        if ("invalid_grant".equals(code)) {
            throw failure(mailboxId, MailboxReadFailure.Kind.AUTHENTICATION, "The mail provider's sign-in service"
                    + " refused the saved authorization (invalid_grant: it was revoked or has expired).", code);
        }
        if ("invalid_client".equals(code) || "unauthorized_client".equals(code)) {
            // not the member's to fix: the operator's client settings
            log.warn("OAuth2 token endpoint {} refused this server's client ({}): check rapport.mailbox.oauth2.client-id"
                    + " and client-secret", client.tokenUri(), code);
            throw failure(mailboxId, MailboxReadFailure.Kind.OTHER, "The mail provider's sign-in service refused this"
                    + " server's OAuth2 client (" + code + "); trying again later.", code);
        }
        throw failure(mailboxId, MailboxReadFailure.Kind.OTHER, "The mail provider's sign-in service answered " + status
                + (code == null ? "" : " (" + code + ")") + "; trying again later.", code == null ? "status " + status : code);
    }

    private MailboxReadFailure unreachable(String mailboxId, String what) {
        return failure(mailboxId, MailboxReadFailure.Kind.UNREACHABLE, "The mail provider's sign-in service " + what
                + "; trying again later.", what);
    }

    private MailboxReadFailure failure(String mailboxId, MailboxReadFailure.Kind kind, String message, String why) {
        log.info("No OAuth2 access token for mailbox {} from {} ({}): {}", mailboxId, client.tokenUri(), kind, why);
        return new MailboxReadFailure(kind, message);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
