package io.rapport.web.gateway;

import io.rapport.web.WebProperties;
import io.rapport.web.signin.DiscoveredProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API as the signed-in member: every call goes through the gateway with the member's access token, so the web
 * app can do exactly what the member could do with curl, and nothing more. Answers are JSON maps and lists, which the
 * templates read by property name; a refusal becomes an {@link ApiProblem} (with the field messages), and a token the
 * gateway no longer accepts a {@link SignInAgain}.
 */
@Component
public class Gateway {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Forked calls wait on the network, not the CPU: a virtual thread each. */
    private static final ExecutorService FORKS = Executors.newVirtualThreadPerTaskExecutor();

    private final RestClient http;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    /** Set on a copy made for a forked call, which runs outside the request's thread and its sign-in. */
    private final String boundToken;

    @Autowired
    Gateway(WebProperties properties, OAuth2AuthorizedClientRepository authorizedClients) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().baseUrl(properties.gatewayUri()).requestFactory(requests).build();
        this.authorizedClients = authorizedClients;
        this.boundToken = null;
    }

    private Gateway(Gateway signedIn, String token) {
        this.http = signedIn.http;
        this.authorizedClients = signedIn.authorizedClients;
        this.boundToken = token;
    }

    /**
     * A call that does not depend on the page's other calls, started now on its own thread with this request's token
     * (a page used to wait for its calls one after another: the synthesis page for five in a row). Read it with
     * {@link #join}.
     */
    public <T> Future<T> fork(Function<Gateway, T> call) {
        return bound().forked(call);
    }

    /** This request's sign-in, read once from the session, for calls made on other threads. */
    private Gateway bound() {
        return boundToken != null ? this : new Gateway(this, accessToken());
    }

    private <T> Future<T> forked(Function<Gateway, T> call) {
        return FORKS.submit(() -> call.apply(this));
    }

    /** A forked call's answer, or its refusal ({@link ApiProblem}, {@link SignInAgain}) as if it had been made here. */
    public static <T> T join(Future<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the API", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public Map<String, Object> get(String path, Object... uriVariables) {
        return call(http.get().uri(path, uriVariables)).body(OBJECT);
    }

    /**
     * Several reads at once ({@link #fork}), answered in the order asked, so a page that needs a dozen small documents
     * (the figures' weeks) waits for about one round trip rather than a dozen. The first refusal is thrown.
     */
    public List<Map<String, Object>> getAll(List<String> paths) {
        Gateway bound = bound();
        List<Future<Map<String, Object>>> answers = paths.stream()
                .map(path -> bound.forked(gateway -> orEmpty(gateway.get(path)))).toList();
        return answers.stream().map(Gateway::join).toList();
    }

    public List<Map<String, Object>> list(String path, Object... uriVariables) {
        return call(http.get().uri(path, uriVariables)).body(LIST);
    }

    public String text(String path, Object... uriVariables) {
        return call(http.get().uri(path, uriVariables)).body(String.class);
    }

    public Map<String, Object> post(String path, Object body, Object... uriVariables) {
        RestClient.RequestBodySpec request = http.post().uri(path, uriVariables);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return orEmpty(call(request).body(OBJECT));
    }

    public Map<String, Object> postCsv(String path, String csv, String idempotencyKey) {
        return orEmpty(call(http.post().uri(path).contentType(MediaType.parseMediaType("text/csv"))
                .header("Idempotency-Key", idempotencyKey).body(csv)).body(OBJECT));
    }

    public Map<String, Object> put(String path, Object body, Object... uriVariables) {
        return orEmpty(call(http.put().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON).body(body)).body(OBJECT));
    }

    public void delete(String path, Object... uriVariables) {
        call(http.delete().uri(path, uriVariables)).toBodilessEntity();
    }

    private RestClient.ResponseSpec call(RestClient.RequestHeadersSpec<?> request) {
        return call(request, accessToken());
    }

    private RestClient.ResponseSpec call(RestClient.RequestHeadersSpec<?> request, String token) {
        return request.header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
                .retrieve()
                .onStatus(status -> status.value() == 401, (req, response) -> {
                    throw new SignInAgain("The gateway no longer accepts the token");
                })
                .onStatus(HttpStatusCode::isError, (req, response) -> {
                    throw problem(response.getStatusCode().value(), new String(response.getBody().readAllBytes()));
                });
    }

    private static Map<String, Object> orEmpty(Map<String, Object> body) {
        return body == null ? Map.of() : body;
    }

    static ApiProblem problem(int status, String body) {
        String title = status >= 500 ? "The service could not answer" : "The request was refused";
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = JSON.readTree(body);
            title = problem.path("title").asString(title);
            detail = problem.path("detail").isMissingNode() || problem.path("detail").isNull() ? null : problem.path("detail").asString();
            for (JsonNode error : problem.path("errors")) {
                fields.merge(error.path("field").asString(""), error.path("message").asString(""), (a, b) -> a + "; " + b);
            }
        } catch (RuntimeException notJson) {
            // a proxy's or server's plain error page: the status and the generic title say enough
        }
        return new ApiProblem(status, title, detail, fields);
    }

    private String accessToken() {
        if (boundToken != null) {
            return boundToken;
        }
        Authentication member = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(DiscoveredProvider.REGISTRATION_ID, member, request);
        if (client == null) {
            throw new SignInAgain("No token in this session");
        }
        Instant expires = client.getAccessToken().getExpiresAt();
        if (expires != null && expires.isBefore(Instant.now().plusSeconds(5))) {
            throw new SignInAgain("The token has expired");
        }
        return client.getAccessToken().getTokenValue();
    }
}
