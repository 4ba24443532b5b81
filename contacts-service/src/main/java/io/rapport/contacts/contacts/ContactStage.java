package io.rapport.contacts.contacts;

/** How far the member has come with a contact. Stages move from the member's actions and from events. */
public enum ContactStage {
    IDENTIFIED, OUTREACH_SENT, REPLIED, DECLINED, NO_RESPONSE, SCHEDULED, INTERVIEWED, THANKED, NURTURING, ARCHIVED
}
