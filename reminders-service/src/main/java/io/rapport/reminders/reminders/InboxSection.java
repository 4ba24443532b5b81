package io.rapport.reminders.reminders;

public enum InboxSection {
    DUE,
    OVERDUE,
    UPCOMING
}
