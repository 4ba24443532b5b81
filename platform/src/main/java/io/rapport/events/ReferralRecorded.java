package io.rapport.events;

/**
 * The interviewee named someone else worth talking to. Contacts turns it into a new contact
 * referred by the first.
 */
public record ReferralRecorded(
        String referralId,
        String interviewId,
        String referredByContactId,
        String name,
        String employer,
        String role,
        boolean mayUseReferrerName) implements DomainEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
