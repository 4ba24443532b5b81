package io.rapport.scheduling.interviews;

/**
 * The contact is unknown to scheduling's read model or archived: the request is well-formed but
 * cannot be acted on (answered with 422).
 */
public class ContactNotInvitableException extends RuntimeException {

    private final String contactId;

    public ContactNotInvitableException(String contactId, String why) {
        super(why);
        this.contactId = contactId;
    }

    public String contactId() {
        return contactId;
    }
}
