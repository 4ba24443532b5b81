package io.rapport.platform.domain;

/** One field at fault in a request, and what is wrong with it, in words a member understands. */
public record FieldProblem(String field, String message) {
}
