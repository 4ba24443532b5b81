package io.rapport.insights.activity;

import java.time.Instant;
import java.util.List;

/**
 * One interview's notes as an advisor the member shares everything with reads them (NoteRecorded): never an entry
 * the member marked sensitive.
 */
public record SharedNotes(String interviewId, String contactId, Instant recordedAt, List<Entry> entries,
        List<String> takeaways, String advice) {

    public SharedNotes {
        entries = List.copyOf(entries);
        takeaways = List.copyOf(takeaways);
    }

    public record Entry(String category, String text) {
    }
}
