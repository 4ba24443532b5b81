package io.rapport.platform.domain;

import java.util.Map;

/** The request clashes with what is stored (a duplicate, an illegal transition, a stale version). Answered with 409. */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> details;

    public ConflictException(String message, Map<String, Object> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public ConflictException(String message) {
        this(message, Map.of());
    }

    /** Extra members of the problem response, e.g. the id of the existing record. */
    public Map<String, Object> details() {
        return details;
    }
}
