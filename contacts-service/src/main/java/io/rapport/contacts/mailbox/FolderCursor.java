package io.rapport.contacts.mailbox;

/**
 * How far a folder has been read: IMAP UIDs only grow within one UIDVALIDITY, so the next look asks for UIDs after
 * {@code lastUid}; a new UIDVALIDITY (the folder was rebuilt) starts again from the date rule.
 */
public record FolderCursor(long uidValidity, long lastUid) {
}
