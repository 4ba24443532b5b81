package io.rapport.web.gateway;

import io.rapport.web.signin.DiscoveredProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * What a page shows when the API refuses or cannot answer a request that no form handled itself: another member's
 * record (or one that does not exist) is "not found", a refusal shows its reason, an unreachable gateway says so; a
 * token the gateway no longer accepts sends the member through the sign-in again (their provider session usually
 * makes that invisible).
 */
@ControllerAdvice
class PageErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageErrors.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;

    PageErrors(OAuth2AuthorizedClientRepository authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @ExceptionHandler(SignInAgain.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        authorizedClients.removeAuthorizedClient(DiscoveredProvider.REGISTRATION_ID,
                SecurityContextHolder.getContext().getAuthentication(), request, response);
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/oauth2/authorization/" + DiscoveredProvider.REGISTRATION_ID;
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.isNotFound() ? 404 : problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem);
        return "error-page";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unreachable(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_GATEWAY.value());
        model.addAttribute("problem", new ApiProblem(502, "Rapport's services cannot be reached right now",
                "Try again in a moment.", java.util.Map.of()));
        return "error-page";
    }

    /** An answer this page could not read (a version it does not know): said plainly, and logged. */
    @ExceptionHandler(RestClientException.class)
    String unreadable(RestClientException e, Model model, HttpServletResponse response) {
        log.error("The API's answer could not be read", e);
        response.setStatus(HttpStatus.BAD_GATEWAY.value());
        model.addAttribute("problem", new ApiProblem(502, "This page could not read Rapport's answer",
                "Try again; if it keeps happening, tell your career center.", java.util.Map.of()));
        return "error-page";
    }
}
