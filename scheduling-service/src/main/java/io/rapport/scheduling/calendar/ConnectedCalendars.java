package io.rapport.scheduling.calendar;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.events.CalendarConnected;
import io.rapport.events.CalendarDisconnected;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import io.rapport.scheduling.calendar.CalendarConnection.AuthKind;
import io.rapport.scheduling.calendar.CalendarConnection.ConnectionStatus;
import io.rapport.scheduling.interviews.Interviews;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The member connects a CalDAV calendar, sees how it is doing and disconnects it. The secret is sealed as soon as it
 * arrives and opened only for a call to the server; it is never answered back.
 */
public class ConnectedCalendars {

    public static final int MAX_URL = 2000;
    public static final int MAX_USER = 200;
    public static final int MAX_SECRET = 4096;

    /** What the member sent, before any rule was checked. */
    public record Request(String url, String user, String password, String token) {

        @Override
        public String toString() {
            return "Request[url=" + url + ", user=" + user + "]";
        }
    }

    private final CalendarConnections connections;
    private final Interviews interviews;
    private final Optional<SealedSecrets> secrets;
    private final Clock clock;

    /** @param secrets empty when no {@code rapport.calendar.key} is configured: then nothing can be connected */
    public ConnectedCalendars(CalendarConnections connections, Interviews interviews, Optional<SealedSecrets> secrets,
            Clock clock) {
        this.connections = connections;
        this.interviews = interviews;
        this.secrets = secrets;
        this.clock = clock;
    }

    public CalendarConnection connect(Member owner, Request request) {
        List<FieldProblem> problems = new ArrayList<>();
        Request given = request == null ? new Request(null, null, null, null) : request;
        URI url = collectionUrl(given.url(), problems);
        String user = Fields.text(given.user(), "user", MAX_USER, problems);
        String password = secret(given.password(), "password", problems);
        String token = secret(given.token(), "token", problems);
        AuthKind auth = null;
        boolean passwordGiven = Fields.clean(given.password()) != null;
        boolean tokenGiven = Fields.clean(given.token()) != null;
        if (passwordGiven && tokenGiven) {
            problems.add(new FieldProblem("token", "give either a password or a token, not both"));
        } else if (!passwordGiven && !tokenGiven) {
            problems.add(new FieldProblem("password", "is required (or a token): the calendar server asks for one"));
        } else if (password == null && token == null) {
            // the one given is at fault, and named above
        } else if (password != null) {
            auth = AuthKind.PASSWORD;
            if (user == null) {
                problems.add(new FieldProblem("user", "is required with a password"));
            }
        } else {
            auth = AuthKind.TOKEN;
        }
        Fields.check(problems);
        SealedSecrets box = secrets.orElseThrow(() -> new ConflictException(
                "Calendar connections are not set up on this Rapport: the operator has to set rapport.calendar.key"));
        Instant now = clock.instant();
        CalendarConnection connection = new CalendarConnection(owner, url.toString(), user, auth,
                box.seal(owner, password != null ? password : token), ConnectionStatus.CONNECTED, now, null, null, null, 0);
        connections.connect(Change.of(connection, new CalendarConnected(url.getHost(), now)));
        interviews.calendarCopiesWanted(owner, now);
        return connection;
    }

    public CalendarConnection status(Member owner) {
        return connections.find(owner).orElseThrow(() -> new NotFoundException("calendar connection", "calendar"));
    }

    public void disconnect(Member owner) {
        Instant now = clock.instant();
        if (!connections.disconnect(owner, Change.of(now, new CalendarDisconnected(now)))) {
            throw new NotFoundException("calendar connection", "calendar");
        }
    }

    /** The member's calendar with its secret opened, if one is connected and opens with the configured key. */
    public Optional<CalendarAccess> access(Member owner) {
        Optional<CalendarConnection> connection = connections.find(owner);
        if (connection.isEmpty() || secrets.isEmpty()) {
            return Optional.empty();
        }
        CalendarConnection c = connection.get();
        String secret;
        try {
            secret = secrets.get().open(owner, c.sealedSecret());
        } catch (SealedSecrets.UnopenableSecretException e) {
            connections.recordFailure(owner, "Rapport can no longer read the password stored for this calendar: connect it again", clock.instant());
            return Optional.empty();
        }
        return Optional.of(new CalendarAccess(URI.create(c.url()), c.user(), c.auth(), secret));
    }

    private static String secret(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_SECRET) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_SECRET + " characters"));
            return null;
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            problems.add(new FieldProblem(field, "must be on one line"));
            return null;
        }
        return value;
    }

    /** An absolute http(s) address of the calendar collection, without credentials in it. */
    static URI collectionUrl(String text, List<FieldProblem> problems) {
        String value = Fields.requiredText(text, "url", MAX_URL, problems);
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "is not a web address such as https://calendar.example.org/dav/ada/work/"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            problems.add(new FieldProblem("url", "must be an http or https address of the calendar, such as https://calendar.example.org/dav/ada/work/"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(new FieldProblem("url", "must not contain a user name or password: give them in user and password"));
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            problems.add(new FieldProblem("url", "must be the calendar collection's address, without ? or #"));
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }
}
