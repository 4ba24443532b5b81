package io.rapport.scheduling.interviews;

/** Where an interview stands. PROPOSED → SCHEDULED → CONFIRMED → HELD | NO_SHOW, and CANCELLED from any open state. */
public enum InterviewStatus {
    PROPOSED, SCHEDULED, CONFIRMED, HELD, NO_SHOW, CANCELLED;

    /** Open interviews can still change; HELD, NO_SHOW and CANCELLED are final. */
    public boolean isOpen() {
        return this == PROPOSED || this == SCHEDULED || this == CONFIRMED;
    }

    /** A booked interview holds its slot in the member's calendar, so others may not overlap it. */
    public boolean isBooked() {
        return this == SCHEDULED || this == CONFIRMED;
    }
}
