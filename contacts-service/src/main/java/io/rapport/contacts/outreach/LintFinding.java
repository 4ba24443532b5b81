package io.rapport.contacts.outreach;

/**
 * One thing the linter noticed, with the characters of the draft it is about ({@code start}
 * inclusive, {@code end} exclusive).
 */
public record LintFinding(String rule, Severity severity, String message, int start, int end, String excerpt) {

    public enum Severity {
        ERROR, WARNING, INFO
    }
}
