package io.rapport.contacts.contacts;

/** How the member reached out; the member sends from their own mail or LinkedIn, Rapport records it. */
public enum OutreachChannel {
    EMAIL, LINKEDIN, PHONE, OTHER;
}
