package io.rapport.contacts.contacts.web;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.OutreachAttempt;
import io.rapport.contacts.contacts.Touch;
import java.time.Instant;
import java.util.List;

public record ContactResponse(String id, String name, String email, String phone, String linkedInUrl, String employer,
        String employerId, String role, String industry, String location, String timeZone, String careerStage,
        String source, String referredByContactId, boolean mayUseReferrerName, String hook, List<String> tags,
        String notes, String stage, List<String> allowedStages, String responsiveness, Instant lastInteractionAt,
        List<OutreachAttempt> outreach, List<Touch> touches, Instant createdAt, Instant updatedAt, long version) {

    public static ContactResponse of(Contact contact) {
        var details = contact.details();
        return new ContactResponse(contact.id(), details.name(), details.email(), details.phone(),
                details.linkedInUrl(), details.employer(), details.employerId(), details.role(), details.industry(),
                details.location(), details.timeZone(),
                details.careerStage() == null ? null : details.careerStage().name(), details.source().name(),
                details.referredByContactId(), details.mayUseReferrerName(), details.hook(), details.tags(),
                details.notes(), contact.stage().name(),
                contact.stage().allowedNext().stream().map(Enum::name).toList(), contact.responsiveness().name(),
                contact.lastInteractionAt(), contact.outreach(), contact.touches(), contact.createdAt(),
                contact.updatedAt(), contact.version());
    }
}
