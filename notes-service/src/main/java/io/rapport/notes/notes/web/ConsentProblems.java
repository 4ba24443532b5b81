package io.rapport.notes.notes.web;

import io.rapport.notes.notes.ConsentRequiredException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Notes without consent: a valid request the rules forbid, so 422 rather than 400. Ordered before the
 * platform's catch-all, which would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsentProblems {

    @ExceptionHandler(ConsentRequiredException.class)
    ProblemDetail consentRequired(ConsentRequiredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Consent required");
        problem.setProperty("consent", e.consent());
        problem.setProperty("errors", List.of(Map.of("field", "consent",
                "message", "must be GRANTED for entries to be kept")));
        return problem;
    }
}
