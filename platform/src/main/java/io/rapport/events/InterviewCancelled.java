package io.rapport.events;

/** An open interview was cancelled, with the reason given. */
public record InterviewCancelled(String interviewId, String contactId, String reason) implements DomainEvent {

    @Override
    public String subject() {
        return interviewId;
    }
}
