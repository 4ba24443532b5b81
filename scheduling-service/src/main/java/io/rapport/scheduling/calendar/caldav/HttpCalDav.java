package io.rapport.scheduling.calendar.caldav;

import io.rapport.scheduling.calendar.CalDav;
import io.rapport.scheduling.calendar.CalendarAccess;
import io.rapport.scheduling.calendar.CalendarConnection.AuthKind;
import io.rapport.scheduling.interviews.BusyTimes.Busy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * CalDAV over the JDK's HTTP client. Busy times are asked first as a {@code CALDAV:free-busy-query} REPORT
 * (RFC 4791 §7.10: the server answers periods only); a server that does not answer it with {@code text/calendar}
 * is asked a {@code calendar-query} for the events in the range, requesting DTSTART, DTEND and DURATION only
 * (§9.6 partial retrieval). What comes back is read by {@link ICalendarTimes}, which keeps the times alone.
 * Redirects are not followed, so the credentials go only to the address the member gave. The address is the
 * member's to choose, so unless {@code privateNetworksAllowed} (a local, single-user Rapport) a host that resolves
 * into a loopback, private, link-local (cloud metadata) or unique-local network is refused before any call: a member
 * cannot make the service probe what sits next to it.
 */
public class HttpCalDav implements CalDav {

    private static final String XML = "application/xml; charset=utf-8";

    private final HttpClient http;
    private final Duration timeout;
    private final boolean privateNetworksAllowed;

    public HttpCalDav(Duration connectTimeout, Duration timeout, boolean privateNetworksAllowed) {
        this.privateNetworksAllowed = privateNetworksAllowed;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
    }

    @Override
    public void put(CalendarAccess access, String name, String icalendar) {
        HttpResponse<byte[]> response = send(access, "PUT", access.collection().resolve(name), "text/calendar; charset=utf-8",
                icalendar, null);
        expect(access, response, 200, 201, 204);
    }

    @Override
    public void delete(CalendarAccess access, String name) {
        HttpResponse<byte[]> response = send(access, "DELETE", access.collection().resolve(name), null, null, null);
        expect(access, response, 200, 204, 404, 410);
    }

    @Override
    public List<Busy> busy(CalendarAccess access, Instant from, Instant to, ZoneId floatingZone) {
        HttpResponse<byte[]> freeBusy = send(access, "REPORT", access.collection(), XML, freeBusyQuery(from, to), "1");
        refuseCredentials(access, freeBusy);
        String type = freeBusy.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (freeBusy.statusCode() == 200 && type.startsWith("text/calendar")) {
            return ICalendarTimes.busy(new String(freeBusy.body(), StandardCharsets.UTF_8), floatingZone);
        }
        HttpResponse<byte[]> events = send(access, "REPORT", access.collection(), XML, timesQuery(from, to), "1");
        expect(access, events, 207);
        List<String> data;
        try {
            data = MultiStatus.calendarData(events.body());
        } catch (IllegalArgumentException e) {
            throw new CalDavException("The calendar server at " + access.collection().getHost()
                    + " answered something that is not a calendar listing", false);
        }
        List<Busy> busy = new ArrayList<>();
        for (String calendar : data) {
            busy.addAll(ICalendarTimes.busy(calendar, floatingZone, from, to));
        }
        return busy.stream().filter(b -> b.overlaps(from, to)).toList();
    }

    static String freeBusyQuery(Instant from, Instant to) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <C:time-range start="%s" end="%s"/>
                </C:free-busy-query>
                """.formatted(ICalendarTimes.utc(from), ICalendarTimes.utc(to));
    }

    /** The events overlapping the range, with their times only; recurring ones expanded by the server where it can. */
    static String timesQuery(Instant from, Instant to) {
        String start = ICalendarTimes.utc(from);
        String end = ICalendarTimes.utc(to);
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
                  <D:prop>
                    <C:calendar-data>
                      <C:comp name="VCALENDAR">
                        <C:comp name="VEVENT">
                          <C:prop name="DTSTART"/>
                          <C:prop name="DTEND"/>
                          <C:prop name="DURATION"/>
                        </C:comp>
                      </C:comp>
                      <C:expand start="%1$s" end="%2$s"/>
                    </C:calendar-data>
                  </D:prop>
                  <C:filter>
                    <C:comp-filter name="VCALENDAR">
                      <C:comp-filter name="VEVENT">
                        <C:time-range start="%1$s" end="%2$s"/>
                      </C:comp-filter>
                    </C:comp-filter>
                  </C:filter>
                </C:calendar-query>
                """.formatted(start, end);
    }

    private HttpResponse<byte[]> send(CalendarAccess access, String method, URI uri, String contentType, String body,
            String depth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", authorization(access));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (depth != null) {
            request.header("Depth", depth);
        }
        String host = access.collection().getHost();
        refusePrivateNetworks(host);
        try {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException | ConnectException e) {
                throw e;
            } catch (IOException closedMeanwhile) {
                // A kept-alive connection the server closed meanwhile (Radicale's server does): once more on a new
                // one. PUT, DELETE and REPORT are idempotent.
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new CalDavException("Could not reach the calendar server at " + host, false);
        } catch (HttpTimeoutException e) {
            throw new CalDavException("The calendar server at " + host + " did not answer within "
                    + timeout.toSeconds() + " seconds", false);
        } catch (IOException e) {
            throw new CalDavException("The connection to the calendar server at " + host + " failed", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalDavException("The call to the calendar server at " + host + " was interrupted", false);
        }
    }

    private void refusePrivateNetworks(String host) {
        if (privateNetworksAllowed) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new CalDavException("No calendar server named " + host + " was found: check the address", false);
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new CalDavException("The calendar address " + host
                        + " is in a local or private network, which this Rapport does not call", false);
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat;
    }

    private static String authorization(CalendarAccess access) {
        if (access.auth() == AuthKind.TOKEN) {
            return "Bearer " + access.secret();
        }
        String pair = (access.user() == null ? "" : access.user()) + ":" + access.secret();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuseCredentials(CalendarAccess access, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new CalDavException("The calendar server at " + access.collection().getHost()
                    + " refused the user name and password (HTTP " + status + "): check them and connect again", true);
        }
    }

    private static void expect(CalendarAccess access, HttpResponse<byte[]> response, int... expected) {
        refuseCredentials(access, response);
        int status = response.statusCode();
        for (int ok : expected) {
            if (status == ok) {
                return;
            }
        }
        String host = access.collection().getHost();
        String message = switch (status) {
            case 404 -> "There is no calendar at this address on " + host + " (HTTP 404): check the address";
            case 301, 302, 307, 308 -> "The calendar server at " + host + " redirects elsewhere (HTTP " + status
                    + "): connect with the address it gives, " + response.headers().firstValue("Location").orElse("?");
            case 507 -> "The calendar at " + host + " is full (HTTP 507)";
            default -> status >= 500
                    ? "The calendar server at " + host + " failed (HTTP " + status + "); Rapport tries again"
                    : "The calendar server at " + host + " refused the request (HTTP " + status + ")";
        };
        throw new CalDavException(message, false);
    }
}
