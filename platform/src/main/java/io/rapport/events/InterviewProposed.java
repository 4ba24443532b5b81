package io.rapport.events;

import io.rapport.events.Events.Format;
import io.rapport.events.Events.Slot;
import java.util.List;

/** The member proposed an interview to a contact with one to four slots. */
public record InterviewProposed(
        String interviewId,
        String contactId,
        String objective,
        List<Slot> slots,
        Format format,
        String memberTimeZone,
        String contactTimeZone) implements DomainEvent {

    public InterviewProposed {
        slots = Events.copy(slots);
    }

    @Override
    public String subject() {
        return interviewId;
    }
}
