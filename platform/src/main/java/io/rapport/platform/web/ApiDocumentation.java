package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * Every service's OpenAPI document: called through the gateway with a bearer token, and every
 * operation lists the problems it can answer with (RFC 9457), not only its happy path.
 */
public final class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    static {
        // The member comes from the gateway's identity headers, never from the client's request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Member.class);
    }

    private ApiDocumentation() {
    }

    public static OpenAPI openApi(String serviceName) {
        return new OpenAPI()
                .info(new Info().title("Rapport " + serviceName)
                        .description("Call through the gateway with a bearer token; every record belongs to the calling member.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Adds the problems an operation can answer with, from what it takes and what it does. */
    public static OpenApiCustomizer errorResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
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
                operation.setResponses(responses);
            }));
        };
    }

    private static boolean takesInput(PathItem.HttpMethod method, Operation operation) {
        return operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<Object> problem = new Schema<>();
        problem.type("object").description("RFC 9457 problem details");
        problem.setProperties(Map.of(
                "type", new Schema<String>().type("string"),
                "title", new Schema<String>().type("string"),
                "status", new Schema<Integer>().type("integer"),
                "detail", new Schema<String>().type("string"),
                "instance", new Schema<String>().type("string"),
                "errors", new Schema<>().type("array").description("for 400: [{field, message}]")));
        return problem;
    }
}
