package io.rapport.reminders.preferences;

/** Where a due reminder reaches the member. The in-app inbox always receives it. */
public enum Channel {
    IN_APP,
    EMAIL
}
