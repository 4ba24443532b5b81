package io.rapport.contacts.contacts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How far the member has come with a contact: IDENTIFIED → OUTREACH_SENT → REPLIED | DECLINED |
 * NO_RESPONSE → SCHEDULED → INTERVIEWED → THANKED → NURTURING, and ARCHIVED from anywhere.
 * Stages move from the member's actions and from events.
 */
public enum ContactStage {
    IDENTIFIED, OUTREACH_SENT, REPLIED, DECLINED, NO_RESPONSE, SCHEDULED, INTERVIEWED, THANKED, NURTURING, ARCHIVED;

    // A follow-up after no response sends again, and a late reply still counts; a nurtured contact
    // may be interviewed again.
    private static final Map<ContactStage, EnumSet<ContactStage>> NEXT = Map.of(
            IDENTIFIED, EnumSet.of(OUTREACH_SENT, ARCHIVED),
            OUTREACH_SENT, EnumSet.of(REPLIED, DECLINED, NO_RESPONSE, ARCHIVED),
            REPLIED, EnumSet.of(SCHEDULED, ARCHIVED),
            DECLINED, EnumSet.of(NURTURING, ARCHIVED),
            NO_RESPONSE, EnumSet.of(OUTREACH_SENT, REPLIED, DECLINED, ARCHIVED),
            SCHEDULED, EnumSet.of(INTERVIEWED, ARCHIVED),
            INTERVIEWED, EnumSet.of(THANKED, ARCHIVED),
            THANKED, EnumSet.of(NURTURING, ARCHIVED),
            NURTURING, EnumSet.of(SCHEDULED, ARCHIVED),
            ARCHIVED, EnumSet.noneOf(ContactStage.class));

    /** The stages the member may move a contact to from this one. */
    public Set<ContactStage> allowedNext() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean canMoveTo(ContactStage next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Whether an event reporting {@code reached} moves the contact forward. Events are facts (the
     * interview did take place even if the member never logged the outreach), so they may skip
     * stages, but they never move a contact back nor revive an archived one.
     */
    public boolean isBefore(ContactStage reached) {
        return this != ARCHIVED && reached != ARCHIVED && ordinalInPipeline() < reached.ordinalInPipeline();
    }

    private int ordinalInPipeline() {
        // REPLIED, DECLINED and NO_RESPONSE are alternatives at one step of the pipeline.
        return switch (this) {
            case IDENTIFIED -> 0;
            case OUTREACH_SENT -> 1;
            case REPLIED, DECLINED, NO_RESPONSE -> 2;
            case SCHEDULED -> 3;
            case INTERVIEWED -> 4;
            case THANKED -> 5;
            case NURTURING -> 6;
            case ARCHIVED -> 7;
        };
    }
}
