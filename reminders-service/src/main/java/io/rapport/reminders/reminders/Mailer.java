package io.rapport.reminders.reminders;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sends plain-text e-mail (port); the adapter speaks SMTP. */
public interface Mailer {

    void send(String to, String subject, String body);

    /**
     * Several e-mails; an adapter that can sends them over one connection.
     *
     * @return the positions (in {@code mails}) of those not accepted
     */
    default Set<Integer> sendAll(List<Mail> mails) {
        Set<Integer> failed = new HashSet<>();
        for (int i = 0; i < mails.size(); i++) {
            try {
                send(mails.get(i).to(), mails.get(i).subject(), mails.get(i).body());
            } catch (RuntimeException e) {
                System.getLogger(Mailer.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not send an e-mail to " + mails.get(i).to(), e);
                failed.add(i);
            }
        }
        return failed;
    }

    record Mail(String to, String subject, String body) {
    }
}
