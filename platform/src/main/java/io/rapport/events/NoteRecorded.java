package io.rapport.events;

import java.time.Instant;
import java.util.List;

/**
 * The member saved consented notes for a held interview.
 *
 * @param shared what an advisor the member shares everything with may read of these notes: never an entry marked
 *     sensitive; null from producers before it
 */
public record NoteRecorded(
        String interviewId,
        String contactId,
        int entryCount,
        List<String> categories,
        Instant recordedAt,
        Shared shared) implements DomainEvent {

    public NoteRecorded {
        categories = Events.copy(categories);
    }

    @Override
    public String subject() {
        return interviewId;
    }

    /**
     * The notes as the interview's record holds them now, without their sensitive entries (empty when consent was
     * withdrawn). Bounded by the notes' own limits: at most 200 entries of 2,000 characters, 20 takeaways of 500,
     * advice 500.
     */
    public record Shared(List<SharedEntry> entries, List<String> takeaways, String advice) {
    }

    /** @param category the notes' category, lower case ({@code skills}, {@code day_to_day}, …) */
    public record SharedEntry(String category, String text) {
    }
}
