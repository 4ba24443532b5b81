package io.rapport.contacts.mailbox;

import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where and as whom Rapport signs in to the member's mailbox (IMAP), how ({@code auth}), and the secret it signs in
 * with, in {@code password}: the password or app password; for {@link MailboxAuth#OAUTH2} the refresh token on the
 * way in (to be sealed) and the access token on the way to the server. The secret is held only on the way in and on
 * the way to the server (once unsealed, or exchanged); it is never in {@link #toString()}.
 */
public record MailboxServer(String host, int port, boolean tls, String user, String password, MailboxAuth auth) {

    /** A DNS name has at most 253 characters. */
    public static final int MAX_HOST = 253;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65_535;
    /** An e-mail address has at most 254 characters; some servers sign in with longer names, none with 320+. */
    public static final int MAX_USER = 320;
    /** App passwords are 16 to 32 characters; passwords longer than this are not passwords. */
    public static final int MAX_PASSWORD = 1_000;
    public static final int IMAPS_PORT = 993;
    /** Refresh tokens are opaque: Google's are about 100 characters, Microsoft's up to a few thousand. */
    public static final int MAX_REFRESH_TOKEN = 8_192;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    /**
     * What the member typed, checked: every field at fault in one refusal. {@code port} defaults to 993 and
     * {@code tls} to true (IMAP over TLS); the password is taken as typed (spaces are part of some app passwords).
     */
    public static MailboxServer of(String host, Integer port, Boolean tls, String user, String password) {
        return of(host, port, tls, user, null, password, null);
    }

    /**
     * As {@link #of(String, Integer, Boolean, String, String)}, with the way of signing in: {@code auth} "password"
     * (the default) takes {@code password}, "oauth2" takes {@code refreshToken} (as issued: it is not trimmed); the
     * other secret must be absent, so that a member never believes a secret was kept that was not.
     */
    public static MailboxServer of(String host, Integer port, Boolean tls, String user, String auth, String password,
            String refreshToken) {
        List<FieldProblem> problems = new ArrayList<>();
        MailboxAuth way = Fields.oneOf(MailboxAuth.class, auth, "auth", problems);
        if (way == MailboxAuth.OAUTH2) {
            if (refreshToken == null || refreshToken.isBlank()) {
                problems.add(new FieldProblem("refreshToken", "is required with auth oauth2"));
            } else if (refreshToken.length() > MAX_REFRESH_TOKEN) {
                problems.add(new FieldProblem("refreshToken", "must be at most " + MAX_REFRESH_TOKEN + " characters"));
            }
            if (password != null) {
                problems.add(new FieldProblem("password", "must be absent with auth oauth2 (give refreshToken)"));
            }
            return server(host, port, tls, user, null, problems, MailboxAuth.OAUTH2, refreshToken);
        }
        if (refreshToken != null) {
            problems.add(new FieldProblem("refreshToken", "is only taken with auth oauth2"));
        }
        return server(host, port, tls, user, password, problems, MailboxAuth.PASSWORD, password);
    }

    private static MailboxServer server(String host, Integer port, Boolean tls, String user, String password,
            List<FieldProblem> problems, MailboxAuth way, String secret) {
        String cleanHost = Fields.requiredText(host, "host", MAX_HOST, problems);
        if (cleanHost != null && !HOST.matcher(cleanHost).matches()) {
            problems.add(new FieldProblem("host", "must be a host name such as imap.example.org"));
        }
        Integer checkedPort = Fields.between(port, MIN_PORT, MAX_PORT, "port", problems);
        String cleanUser = Fields.requiredText(user, "user", MAX_USER, problems);
        if (way == MailboxAuth.PASSWORD) { // an OAuth2 refresh token was checked by the caller
            if (password == null || password.isEmpty()) {
                problems.add(new FieldProblem("password", "is required"));
            } else if (password.length() > MAX_PASSWORD) {
                problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD + " characters"));
            }
        }
        Fields.check(problems);
        return new MailboxServer(cleanHost, checkedPort == null ? IMAPS_PORT : checkedPort, tls == null || tls,
                cleanUser, secret, way);
    }

    /** With the password as the secret (IMAP LOGIN). */
    public MailboxServer(String host, int port, boolean tls, String user, String password) {
        this(host, port, tls, user, password, MailboxAuth.PASSWORD);
    }

    public MailboxServer {
        auth = auth == null ? MailboxAuth.PASSWORD : auth;
    }

    public boolean oauth2() {
        return auth == MailboxAuth.OAUTH2;
    }

    /** The same server without the secret (as stored next to the sealed secret, or shown). */
    public MailboxServer withoutPassword() {
        return new MailboxServer(host, port, tls, user, null, auth);
    }

    /** @param secret the password, or for OAuth2 the access token (what the IMAP server is given) */
    public MailboxServer withPassword(String secret) {
        return new MailboxServer(host, port, tls, user, secret, auth);
    }

    @Override
    public String toString() {
        return "MailboxServer[" + user + "@" + host + ":" + port + (tls ? " TLS" : "") + (oauth2() ? " OAuth2" : "")
                + ", " + (oauth2() ? "token" : "password") + " hidden]";
    }
}
