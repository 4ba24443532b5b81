package io.rapport.contacts.contacts.web;

import static io.rapport.contacts.contacts.ContactDetails.MAX_EMAIL;
import static io.rapport.contacts.contacts.ContactDetails.MAX_HOOK;
import static io.rapport.contacts.contacts.ContactDetails.MAX_ID;
import static io.rapport.contacts.contacts.ContactDetails.MAX_NOTES;
import static io.rapport.contacts.contacts.ContactDetails.MAX_PHONE;
import static io.rapport.contacts.contacts.ContactDetails.MAX_TAG;
import static io.rapport.contacts.contacts.ContactDetails.MAX_TAGS;
import static io.rapport.contacts.contacts.ContactDetails.MAX_TEXT;
import static io.rapport.contacts.contacts.ContactDetails.MAX_URL;
import static io.rapport.contacts.contacts.ContactDetails.MAX_ZONE;

import io.rapport.contacts.contacts.ContactInput;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a create or update (a PUT replaces every field); unknown fields are refused (400) by the JSON reader. */
public record ContactRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_TEXT) String name,
        @Schema(format = "email", maxLength = MAX_EMAIL, description = "Unique among the member's contacts (case-insensitive)") String email,
        @Schema(maxLength = MAX_PHONE, example = "+49 30 1234567") String phone,
        @Schema(maxLength = MAX_URL, example = "https://www.linkedin.com/in/name") String linkedInUrl,
        @Schema(maxLength = MAX_TEXT, description = "The employer's name, when it is not one of the member's target employers") String employer,
        @Schema(maxLength = MAX_ID, description = "One of the member's target employers") String employerId,
        @Schema(maxLength = MAX_TEXT) String role,
        @Schema(maxLength = MAX_TEXT) String industry,
        @Schema(maxLength = MAX_TEXT) String location,
        @Schema(maxLength = MAX_ZONE, description = "An IANA time zone", example = "Europe/Berlin") String timeZone,
        @Schema(allowableValues = {"EARLY_CAREER", "MID_CAREER", "SENIOR", "RECENT_TRANSITION"},
                description = "Also accepted in lower case") String careerStage,
        @Schema(allowableValues = {"ALUMNI", "LINKEDIN", "ASSOCIATION", "DIRECTORY", "REFERRAL", "OTHER"},
                description = "Also accepted in lower case; OTHER when absent") String source,
        @Schema(maxLength = MAX_ID) String referredByContactId,
        Boolean mayUseReferrerName,
        @Schema(maxLength = MAX_HOOK, description = "What you admire in their work, for personalized outreach") String hook,
        @ArraySchema(maxItems = MAX_TAGS, schema = @Schema(minLength = 1, maxLength = MAX_TAG)) List<String> tags,
        @Schema(maxLength = MAX_NOTES) String notes) {

    ContactInput toInput() {
        return new ContactInput(name, email, phone, linkedInUrl, employer, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }
}
