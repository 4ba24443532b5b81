package io.rapport.web.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API refused a request (RFC 9457 problem+json): its title and detail for the page, and each field's message to
 * show next to that field.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ApiProblem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** field → message, e.g. {@code email → is not an e-mail address}. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
