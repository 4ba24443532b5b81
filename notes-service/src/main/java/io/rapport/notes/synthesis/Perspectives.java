package io.rapport.notes.synthesis;

import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.NoteRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** What people at one employer, or in one role, said: their interviews side by side. */
public final class Perspectives {

    public static final String NOT_GIVEN = "(not given)";

    private Perspectives() {
    }

    /** One group (an employer or a role) and the interviews in it. */
    public record Group(String name, List<Perspective> interviews) {
    }

    /** One interview's entries by category. */
    public record Perspective(String interviewId, String contactName, String employer, String role,
            Map<Category, List<String>> said, List<String> takeaways) {
    }

    public static List<Group> byEmployer(List<NoteRecord> records) {
        return group(records, NoteRecord::employer);
    }

    public static List<Group> byRole(List<NoteRecord> records) {
        return group(records, NoteRecord::role);
    }

    private static List<Group> group(List<NoteRecord> records, Function<NoteRecord, String> key) {
        Map<String, List<Perspective>> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (NoteRecord record : records) {
            if (record.entries().isEmpty() && record.takeaways().isEmpty()) {
                continue;
            }
            Map<Category, List<String>> said = new EnumMap<>(Category.class);
            for (Entry entry : record.entries()) {
                said.computeIfAbsent(entry.category(), category -> new ArrayList<>()).add(entry.text());
            }
            String name = key.apply(record) == null ? NOT_GIVEN : key.apply(record);
            groups.computeIfAbsent(name, group -> new ArrayList<>()).add(new Perspective(record.interviewId(),
                    record.contactName(), record.employer(), record.role(), said, record.takeaways()));
        }
        return groups.entrySet().stream().map(group -> new Group(group.getKey(), group.getValue())).toList();
    }
}
