package io.rapport.scheduling.interviews.web;

import io.rapport.scheduling.interviews.ContactNotInvitableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Scheduling's own problem: a proposal to a contact that cannot be invited is well-formed but not
 * actionable (422). Ordered first, because the platform's advice answers every other exception.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchedulingProblems {

    @ExceptionHandler(ContactNotInvitableException.class)
    ProblemDetail notInvitable(ContactNotInvitableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Contact cannot be invited");
        problem.setProperty("contactId", e.contactId());
        return problem;
    }
}
