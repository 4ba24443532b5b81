package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.ContactInput;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a create or update (a PUT replaces every field); unknown fields are refused (400) by the JSON reader. */
public record ContactRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200) String name,
        @Schema(format = "email", maxLength = 254, description = "Unique among the member's contacts (case-insensitive)") String email,
        @Schema(example = "+49 30 1234567") String phone,
        @Schema(example = "https://www.linkedin.com/in/name") String linkedInUrl,
        @Schema(maxLength = 200, description = "The employer's name, when it is not one of the member's target employers") String employer,
        @Schema(maxLength = 64, description = "One of the member's target employers") String employerId,
        @Schema(maxLength = 200) String role,
        @Schema(maxLength = 200) String industry,
        @Schema(maxLength = 200) String location,
        @Schema(description = "An IANA time zone", example = "Europe/Berlin") String timeZone,
        @Schema(allowableValues = {"EARLY_CAREER", "MID_CAREER", "SENIOR", "RECENT_TRANSITION"},
                description = "Also accepted in lower case") String careerStage,
        @Schema(allowableValues = {"ALUMNI", "LINKEDIN", "ASSOCIATION", "DIRECTORY", "REFERRAL", "OTHER"},
                description = "Also accepted in lower case; OTHER when absent") String source,
        @Schema(maxLength = 64) String referredByContactId,
        Boolean mayUseReferrerName,
        @Schema(maxLength = 1000, description = "What you admire in their work, for personalized outreach") String hook,
        @ArraySchema(maxItems = 30, schema = @Schema(minLength = 1, maxLength = 50)) List<String> tags,
        @Schema(maxLength = 5000) String notes) {

    ContactInput toInput() {
        return new ContactInput(name, email, phone, linkedInUrl, employer, employerId, role, industry, location,
                timeZone, careerStage, source, referredByContactId, mayUseReferrerName, hook, tags, notes);
    }
}
