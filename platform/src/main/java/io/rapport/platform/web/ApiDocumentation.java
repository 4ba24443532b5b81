package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's OpenAPI document, as an integrator generating a client needs it: called through
 * the gateway with a bearer token; every operation lists the problems it can answer with (RFC 9457,
 * one {@code Problem} schema referenced everywhere), its tags are declared, and the main requests
 * carry an example. Operation ids, summaries and descriptions are written on the controllers with
 * {@code @Operation}; this class only does what is the same for every operation.
 */
public final class ApiDocumentation {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** Request examples: {@code api-examples/<operationId>.json} on the service's classpath. */
    static final String EXAMPLES = "api-examples/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // The member comes from the gateway's identity headers, never from the client's request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
        // A LocalDateTime is written without an offset ("2030-03-05T14:00:00"): not an RFC 3339 date-time,
        // which is what springdoc would call it (and what generated clients would then fail to parse).
        SpringDocUtils.getConfig().replaceWithSchema(LocalDateTime.class, new StringSchema()
                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                .description("A local date and time, without an offset (ISO 8601)").example("2030-03-05T14:00:00"));
    }

    private ApiDocumentation() {
    }

    public static OpenAPI openApi(String serviceName) {
        return new OpenAPI()
                .info(new Info().title("Rapport " + serviceName)
                        .description("Call through the gateway with a bearer token; every record belongs to the calling member. "
                                + "Errors are RFC 9457 problems (`application/problem+json`). Versioning and deprecation: docs/api-versioning.md.")
                        .version("v1")
                        .contact(new Contact().name("Rapport maintainers")))
                // Fixed, so the document does not depend on the host that served it; clients set their gateway's URL.
                .servers(List.of(new Server().url("http://localhost:8080")
                        .description("The gateway of ./rapport run; use your deployment's gateway URL")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Adds the problems an operation can answer with, from what it takes and what it does; defines
     * the Problem schema they refer to, declares every tag used, and attaches request examples.
     */
    public static OpenApiCustomizer errorResponses() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas("FieldError", fieldErrorSchema());
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            Set<String> usedTags = new TreeSet<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                add(responses, "401", "No member identity: call through the gateway with a valid token.");
                add(responses, "500", "Unexpected failure; nothing sent was lost.");
                if (takesInput(method, operation)) {
                    add(responses, "400", "Invalid request: `errors` names each field at fault.");
                }
                if (path.contains("{")) {
                    add(responses, "404", "No such record for this member (another member's records are never visible).");
                }
                if (method != PathItem.HttpMethod.GET) {
                    add(responses, "409", "Conflicts with what is stored (a duplicate, a stale version, an illegal transition).");
                }
                operation.setResponses(sorted(responses));
                addExample(operation);
                if (operation.getTags() != null) {
                    usedTags.addAll(operation.getTags());
                }
            }));
            declare(openApi, usedTags);
        };
    }

    private static boolean takesInput(PathItem.HttpMethod method, Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
    }

    private static void add(ApiResponses responses, String status, String description) {
        ApiResponse existing = responses.get(status);
        if (existing == null) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        } else if (existing.getContent() == null || existing.getContent().isEmpty()) {
            // Declared on the controller for its description only: the body is still a problem.
            existing.content(problemContent());
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        responses.keySet().stream().sorted().forEach(status -> ordered.addApiResponse(status, responses.get(status)));
        return ordered;
    }

    private static void addExample(Operation operation) {
        if (operation.getOperationId() == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        try (InputStream example = ApiDocumentation.class.getClassLoader()
                .getResourceAsStream(EXAMPLES + operation.getOperationId() + ".json")) {
            if (example == null) {
                return;
            }
            Object value = JSON.readValue(new String(example.readAllBytes(), StandardCharsets.UTF_8), Object.class);
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json")) {
                    media.setExamples(new LinkedHashMap<>(Map.of("example", new Example().summary("A typical request").value(value))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable request example for " + operation.getOperationId(), e);
        }
    }

    private static void declare(OpenAPI openApi, Set<String> usedTags) {
        List<Tag> tags = openApi.getTags() == null ? new ArrayList<>() : new ArrayList<>(openApi.getTags());
        for (String name : usedTags) {
            if (tags.stream().noneMatch(tag -> tag.getName().equals(name))) {
                tags.add(new Tag().name(name).description(name));
            }
        }
        tags.sort(Comparator.comparing(Tag::getName));
        openApi.setTags(tags);
    }

    @SuppressWarnings("rawtypes")
    private static Schema fieldErrorSchema() {
        Schema<Object> error = new ObjectSchema().description("One field at fault in a 400 problem.");
        error.addProperty("field", new StringSchema().description("The request field (or parameter) at fault").example("email"));
        error.addProperty("message", new StringSchema().description("What is wrong with it, for a person").example("must be a valid email address"));
        error.setRequired(List.of("field", "message"));
        return error;
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> problem = new ObjectSchema()
                .description("RFC 9457 problem details. A 409 may carry further properties (such as `existingContactId`): read problems tolerantly.");
        problem.addProperty("type", new StringSchema().format("uri-reference").description("A URI naming the problem type").example("about:blank"));
        problem.addProperty("title", new StringSchema().description("A short summary of the problem type").example("Invalid request"));
        problem.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                .description("The HTTP status").example(400));
        problem.addProperty("detail", new StringSchema().description("What went wrong this time, for a person"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").description("The request path"));
        problem.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
                .description("For a 400: each field at fault"));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }
}
