package io.rapport.contacts.contacts;

/** Where one outreach message stands. */
public enum OutreachStatus {
    SENT, REPLIED, DECLINED, NO_RESPONSE
}
