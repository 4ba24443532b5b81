package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.ContactInput;
import java.util.List;

/** The body of a create or update (a PUT replaces every field); unknown fields are refused (400) by the JSON reader. */
public record ContactRequest(String name, String email, String phone, String linkedInUrl, String employer,
        String employerId, String role, String industry, String location, String timeZone, String careerStage,
        String source, String referredByContactId, Boolean mayUseReferrerName, String hook, List<String> tags,
        String notes) {

    ContactInput toInput() {
        return new ContactInput(name, email, phone, linkedInUrl, employer, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }
}
