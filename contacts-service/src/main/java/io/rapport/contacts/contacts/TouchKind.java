package io.rapport.contacts.contacts;

/** A way of keeping in touch; any kind restarts the keep-in-touch cadence. */
public enum TouchKind {
    EMAIL, CALL, MEETING, COFFEE, SOCIAL, ARTICLE_SHARED;
}
