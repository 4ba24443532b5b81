package io.rapport.reminders.reminders;

import io.rapport.reminders.preferences.Preferences;

/** A way a due reminder reaches the member besides the inbox. Throwing leaves the reminder to be retried. */
public interface DeliveryChannel {

    void deliver(Reminder reminder, Preferences preferences, boolean late);
}
