package io.rapport.reminders.reminders;

/** Sends one plain-text e-mail (port); the adapter speaks SMTP. */
public interface Mailer {

    void send(String to, String subject, String body);
}
