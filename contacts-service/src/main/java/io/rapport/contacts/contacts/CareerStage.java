package io.rapport.contacts.contacts;

/** Where the contact is in their career; a diverse pool spans several. */
public enum CareerStage {
    EARLY_CAREER, MID_CAREER, SENIOR, RECENT_TRANSITION;
}
