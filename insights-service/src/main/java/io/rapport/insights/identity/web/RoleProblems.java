package io.rapport.insights.identity.web;

import io.rapport.insights.identity.Caller;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A missing role is a 403 problem (before the platform's catch-all turns it into a 500). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RoleProblems {

    @ExceptionHandler(Caller.RoleRequired.class)
    ProblemDetail roleRequired(Caller.RoleRequired e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }
}
