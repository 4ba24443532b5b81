package io.rapport.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider as the web app and the gateway meet it: discovery, the sign-in page, the authorization code with PKCE,
 * and the claims the gateway checks in the access token. Driven over HTTP as a browser would (cookies, the form's
 * CSRF token, redirects followed by hand to see each one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "rapport.auth.web-app=http://127.0.0.1:18088")
@ActiveProfiles("embedded")
class SignInFlowTest {

    private static final String CALLBACK = "http://127.0.0.1:18088/login/oauth2/code/rapport";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void discoveryNamesTheIssuerAndItsKeys() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());
        assertThat(discovery.path("issuer").asString()).isEqualTo(base());
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(get(URI.create(discovery.path("jwks_uri").asString()).getPath()).body()).contains("\"kty\":\"RSA\"");
    }

    @Test
    void theDemoMemberSignsInAndGetsATokenTheGatewayAccepts() throws Exception {
        String verifier = "a-verifier-of-enough-length-0123456789-abcdefghijklmnop";
        String code = signIn("demo", "demo", challenge(verifier));

        HttpResponse<String> tokens = token(code, verifier);
        assertThat(tokens.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        JsonNode access = claims(body.path("access_token").asString());
        assertThat(access.path("iss").asString()).isEqualTo(base());
        assertThat(access.path("sub").asString()).isEqualTo("demo");
        assertThat(access.path("aud").toString()).contains("\"rapport\"");
        assertThat(access.path("tenant").asString()).isEqualTo("demo-university");
        assertThat(access.path("roles").toString()).isEqualTo("[\"member\"]");
        JsonNode id = claims(body.path("id_token").asString());
        assertThat(id.path("name").asString()).isEqualTo("Demo Member");
        assertThat(id.path("tenant").asString()).isEqualTo("demo-university");
    }

    @Test
    void aCodeIsWorthNothingWithoutItsProofKey() throws Exception {
        String code = signIn("advisor", "demo", challenge("the-right-verifier-0123456789-abcdefghijklmnopqrstu"));
        assertThat(token(code, "another-verifier-0123456789-abcdefghijklmnopqrstuvwxy").statusCode()).isEqualTo(400);
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?response_type=code&client_id=rapport-web&scope=openid"
                + "&redirect_uri=" + enc(CALLBACK) + "&state=s1");
        // The client requires a proof key: refused back to the client, never to the sign-in page.
        assertThat(authorize.headers().firstValue("Location").orElse("")).startsWith(CALLBACK).contains("error=invalid_request");
    }

    @Test
    void aWrongPasswordShowsTheSignInPageAgainWithTheReason() throws Exception {
        get("/oauth2/authorize?" + authorizeQuery(challenge("v-0123456789-0123456789-0123456789-0123456789")));
        HttpResponse<String> posted = postLogin("demo", "not-the-password");
        assertThat(posted.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(get("/login?error").body()).contains("That username and password do not match");
    }

    private String signIn(String user, String password, String challenge) throws Exception {
        HttpResponse<String> authorize = get("/oauth2/authorize?" + authorizeQuery(challenge));
        assertThat(authorize.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> posted = postLogin(user, password);
        String back = posted.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> resumed = get(URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery());
        String redirect = resumed.headers().firstValue("Location").orElseThrow(() -> new AssertionError(back + " answered " + resumed.statusCode() + ": " + resumed.body()));
        assertThat(redirect).startsWith(CALLBACK + "?code=");
        Matcher code = Pattern.compile("code=([^&]+)").matcher(redirect);
        assertThat(code.find()).isTrue();
        return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postLogin(String user, String password) throws Exception {
        String page = get("/login").body();
        assertThat(page).contains("Demo users");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return post("/login", form(Map.of("username", user, "password", password, "_csrf", csrf.group(1))));
    }

    private HttpResponse<String> token(String code, String verifier) throws Exception {
        return post("/oauth2/token", form(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CALLBACK, "client_id", "rapport-web", "code_verifier", verifier)));
    }

    private static String authorizeQuery(String challenge) {
        return "response_type=code&client_id=rapport-web&scope=" + enc("openid profile") + "&redirect_uri=" + enc(CALLBACK)
                + "&state=state-1&nonce=nonce-1&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
