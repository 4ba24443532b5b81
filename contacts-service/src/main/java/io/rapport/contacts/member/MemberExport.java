package io.rapport.contacts.member;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.employers.RankedEmployer;
import io.rapport.contacts.mailbox.MailboxConnection;
import io.rapport.contacts.outreach.Template;
import java.time.Instant;
import java.util.List;

/**
 * Everything contacts-service holds of one member: contacts (with outreach and touches), employers, templates, and
 * the mailbox connection (null when none; never its password).
 */
public record MemberExport(String memberId, String tenantId, Instant exportedAt, List<Contact> contacts,
        List<RankedEmployer> employers, List<Template> templates, MailboxConnection mailbox) {
}
