package io.rapport.contacts.contacts;

import io.rapport.platform.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads LinkedIn's "Connections.csv" export: RFC 4180 CSV (quoted fields may hold commas, quotes
 * and line breaks), with the header row First Name, Last Name, URL, Email Address, Company,
 * Position, Connected On. Some exports start with a few "Notes:" lines before that header; every
 * line before the header is skipped.
 */
public final class LinkedInConnections {

    /** LinkedIn caps connections at 30,000. */
    public static final int MAX_ROWS = 30_000;
    static final List<String> COLUMNS = List.of("first name", "last name", "url", "email address", "company",
            "position", "connected on");

    private LinkedInConnections() {
    }

    /** One data row and the line of the file it starts on (1-based, as a spreadsheet shows it). */
    public record Row(int line, ContactInput input) {
    }

    /** @throws InvalidInputException ("file") when there is no header row or too many rows */
    public static List<Row> parse(String csv) {
        List<Record> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        int headerAt = -1;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < records.size() && headerAt < 0; i++) {
            List<String> cells = records.get(i).cells();
            Map<String, Integer> candidate = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                candidate.put(cells.get(c).strip().toLowerCase(Locale.ROOT), c);
            }
            if (candidate.containsKey("first name") && candidate.containsKey("last name")) {
                headerAt = i;
                columns = candidate;
            }
        }
        if (headerAt < 0) {
            throw new InvalidInputException("file", "has no header row with First Name, Last Name, URL, Email Address, "
                    + "Company, Position, Connected On: is it LinkedIn's Connections.csv?");
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(headerAt + 1, records.size())) {
            if (record.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows; split it");
            }
            String first = cell(record, columns, "first name");
            String last = cell(record, columns, "last name");
            String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
            rows.add(new Row(record.line(), ContactInput.basic(name, cell(record, columns, "email address"),
                    cell(record, columns, "company"), cell(record, columns, "position"), ContactSource.LINKEDIN.name(), null)
                    .withLinkedInUrl(cell(record, columns, "url"))));
        }
        return rows;
    }

    private record Record(int line, List<String> cells) {
    }

    private static String cell(Record record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.cells().size() ? null : record.cells().get(index);
    }

    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }
}
