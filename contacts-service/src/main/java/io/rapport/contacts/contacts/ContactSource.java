package io.rapport.contacts.contacts;

/** Where the member found the contact. */
public enum ContactSource {
    ALUMNI, LINKEDIN, ASSOCIATION, DIRECTORY, REFERRAL, OTHER;
}
