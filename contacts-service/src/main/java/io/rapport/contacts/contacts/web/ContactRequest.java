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
public record ContactRequest(@Schema(maxLength = MAX_TEXT) String name, @Schema(maxLength = MAX_EMAIL) String email,
        @Schema(maxLength = MAX_PHONE) String phone, @Schema(maxLength = MAX_URL) String linkedInUrl,
        @Schema(maxLength = MAX_TEXT) String employer, @Schema(maxLength = MAX_ID) String employerId,
        @Schema(maxLength = MAX_TEXT) String role, @Schema(maxLength = MAX_TEXT) String industry,
        @Schema(maxLength = MAX_TEXT) String location, @Schema(maxLength = MAX_ZONE) String timeZone,
        String careerStage, String source, @Schema(maxLength = MAX_ID) String referredByContactId,
        Boolean mayUseReferrerName, @Schema(maxLength = MAX_HOOK) String hook,
        @ArraySchema(maxItems = MAX_TAGS, schema = @Schema(maxLength = MAX_TAG)) List<String> tags,
        @Schema(maxLength = MAX_NOTES) String notes) {

    ContactInput toInput() {
        return new ContactInput(name, email, phone, linkedInUrl, employer, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }
}
