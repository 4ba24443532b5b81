package io.rapport.events;

import java.time.Instant;
import java.util.List;

/** The member saved consented notes for a held interview. */
public record NoteRecorded(
        String interviewId,
        String contactId,
        int entryCount,
        List<String> categories,
        Instant recordedAt) implements DomainEvent {

    public NoteRecorded {
        categories = Events.copy(categories);
    }

    @Override
    public String subject() {
        return interviewId;
    }
}
