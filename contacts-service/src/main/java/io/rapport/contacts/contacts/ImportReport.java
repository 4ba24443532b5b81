package io.rapport.contacts.contacts;

import java.util.List;

/** What became of every row of an import; valid rows are kept even when others fail. */
public record ImportReport(int created, int duplicates, int invalid, List<RowResult> rows) {

    public enum Outcome {
        CREATED, DUPLICATE, INVALID
    }

    /** {@code contactId} is the new contact, or for a duplicate the existing one; {@code reason} why a row was not created. */
    public record RowResult(int line, String name, Outcome outcome, String contactId, String reason) {
    }

    public static ImportReport of(List<RowResult> rows) {
        return new ImportReport(count(rows, Outcome.CREATED), count(rows, Outcome.DUPLICATE), count(rows, Outcome.INVALID),
                List.copyOf(rows));
    }

    private static int count(List<RowResult> rows, Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
