package io.rapport.reminders.reminders;

import io.rapport.reminders.preferences.Preferences;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One e-mail per reminder, for members who chose e-mail without the daily digest. */
public class EmailChannel implements DeliveryChannel {

    private final Mailer mailer;

    public EmailChannel(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void deliver(Reminder reminder, Preferences preferences, boolean late) {
        if (wantsMail(preferences)) {
            Mailer.Mail mail = mail(reminder, preferences, late);
            mailer.send(mail.to(), mail.subject(), mail.body());
        }
    }

    /** The round's mails go out together (over one SMTP connection): one connection each made delivery crawl. */
    @Override
    public Set<Reminder> deliverAll(List<Outgoing> outgoing) {
        List<Mailer.Mail> mails = new ArrayList<>(outgoing.size());
        List<Reminder> mailed = new ArrayList<>(outgoing.size());
        for (Outgoing each : outgoing) {
            if (wantsMail(each.preferences())) {
                mails.add(mail(each.reminder(), each.preferences(), each.late()));
                mailed.add(each.reminder());
            }
        }
        if (mails.isEmpty()) {
            return Set.of();
        }
        Set<Reminder> failed = new HashSet<>();
        for (int position : mailer.sendAll(mails)) {
            failed.add(mailed.get(position));
        }
        return failed;
    }

    private static boolean wantsMail(Preferences preferences) {
        return preferences.byEmail() && !preferences.digest();
    }

    private static Mailer.Mail mail(Reminder reminder, Preferences preferences, boolean late) {
        String subject = (late ? "[late] " : "") + "Rapport reminder: " + reminder.title();
        String body = reminder.title() + "\n\n"
                + "Due " + reminder.dueAt().atZone(preferences.zone()).toLocalDateTime() + " (" + preferences.zone() + ")"
                + (late ? ", delivered late because the reminder service was unavailable." : ".") + "\n\n"
                + "Mark it done, snooze or dismiss it in your Rapport inbox.\n";
        return new Mailer.Mail(preferences.email(), subject, body);
    }
}
