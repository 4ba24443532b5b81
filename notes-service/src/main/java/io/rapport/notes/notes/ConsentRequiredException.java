package io.rapport.notes.notes;

/**
 * Notes of a conversation were sent without the interviewee's consent: the request is well formed
 * but cannot be honoured (422), and nothing is stored.
 */
public class ConsentRequiredException extends RuntimeException {

    private final String consent;

    public ConsentRequiredException(String interviewId, Consent consent) {
        super("Notes of interview " + interviewId + " can be kept only with the interviewee's consent; consent is "
                + consent.name() + ". Record consent GRANTED, or leave the entries out.");
        this.consent = consent.name();
    }

    public String consent() {
        return consent;
    }
}
