package io.rapport.contacts.contacts;

import java.util.List;

/** A contact as the member typed it, before validation; {@link ContactDetails#of} checks it. */
public record ContactInput(String name, String email, String phone, String linkedInUrl, String employer,
        String employerId, String role, String industry, String location, String timeZone, String careerStage,
        String source, String referredByContactId, Boolean mayUseReferrerName, String hook, List<String> tags,
        String notes) {

    /** Only the fields of the first slice, as the LinkedIn import and older clients give them. */
    public static ContactInput basic(String name, String email, String employer, String role, String source,
            String timeZone) {
        return new ContactInput(name, email, null, null, employer, null, role, null, null, timeZone, null, source,
                null, null, null, null, null);
    }

    public ContactInput withLinkedInUrl(String url) {
        return new ContactInput(name, email, phone, url, employer, employerId, role, industry, location, timeZone,
                careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }

    public ContactInput withReferral(String referredBy, boolean mayUseName) {
        return new ContactInput(name, email, phone, linkedInUrl, employer, employerId, role, industry, location,
                timeZone, careerStage, source, referredBy, mayUseName, hook, tags, notes);
    }

    public ContactInput withEmployer(String employerName) {
        return new ContactInput(name, email, phone, linkedInUrl, employerName, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }
}
