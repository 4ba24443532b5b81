package io.rapport.reminders.reminders;

import io.rapport.reminders.preferences.Preferences;

/** One e-mail per reminder, for members who chose e-mail without the daily digest. */
public class EmailChannel implements DeliveryChannel {

    private final Mailer mailer;

    public EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void deliver(Reminder reminder, Preferences preferences, boolean late) {
        if (!preferences.byEmail() || preferences.digest()) {
            return;
        }
        String subject = (late ? "[late] " : "") + "Rapport reminder: " + reminder.title();
        String body = reminder.title() + "\n\n"
                + "Due " + reminder.dueAt().atZone(preferences.zone()).toLocalDateTime() + " (" + preferences.zone() + ")"
                + (late ? ", delivered late because the reminder service was unavailable." : ".") + "\n\n"
                + "Mark it done, snooze or dismiss it in your Rapport inbox.\n";
        mailer.send(preferences.email(), subject, body);
    }
}
