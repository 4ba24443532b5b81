package io.rapport.contacts.mailbox;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and as whom Rapport signs in to the member's mailbox (IMAP), and the password or app password it signs in
 * with. The password is held only on the way in (to be sealed) and on the way to the server (once unsealed); it is
 * never in {@link #toString()}.
 */
public record MailboxServer(String host, int port, boolean tls, String user, String password) {

    /** A DNS name has at most 253 characters. */
    public static final int MAX_HOST = 253;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65_535;
    /** An e-mail address has at most 254 characters; some servers sign in with longer names, none with 320+. */
    public static final int MAX_USER = 320;
    /** App passwords are 16 to 32 characters; passwords longer than this are not passwords. */
    public static final int MAX_PASSWORD = 1_000;
    public static final int IMAPS_PORT = 993;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /**
     * What the member typed, checked: every field at fault in one refusal. {@code port} defaults to 993 and
     * {@code tls} to true (IMAP over TLS); the password is taken as typed (spaces are part of some app passwords).
     */
    public static MailboxServer of(String host, Integer port, Boolean tls, String user, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanHost = Fields.requiredText(host, "host", MAX_HOST, problems);
        if (cleanHost != null && !HOST.matcher(cleanHost).matches()) {
            problems.add(new FieldProblem("host", "must be a host name such as imap.example.org"));
        }
        Integer checkedPort = Fields.between(port, MIN_PORT, MAX_PORT, "port", problems);
        String cleanUser = Fields.requiredText(user, "user", MAX_USER, problems);
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "is required"));
        } else if (password.length() > MAX_PASSWORD) {
            problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD + " characters"));
        }
        Fields.check(problems);
        return new MailboxServer(cleanHost, checkedPort == null ? IMAPS_PORT : checkedPort, tls == null || tls,
                cleanUser, password);
    }

    /** The same server without the password (as stored next to the sealed password, or shown). */
    public MailboxServer withoutPassword() {
        return new MailboxServer(host, port, tls, user, null);
    }

    public MailboxServer withPassword(String unsealed) {
        return new MailboxServer(host, port, tls, user, unsealed);
    }

    @Override
    public String toString() {
        return "MailboxServer[" + user + "@" + host + ":" + port + (tls ? " TLS" : "") + ", password hidden]";
    }
}
