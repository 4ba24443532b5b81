package io.rapport.scheduling.calendar;

import io.rapport.platform.secrets.SealedSecrets;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import io.rapport.scheduling.calendar.CalendarConnection.AuthKind;
import io.rapport.scheduling.calendar.CalendarConnection.ConnectionStatus;
import io.rapport.scheduling.interviews.BusyTimes.Busy;
import io.rapport.scheduling.interviews.FormatKind;
import io.rapport.scheduling.interviews.Interview;
import io.rapport.scheduling.interviews.InterviewFormat;
import io.rapport.scheduling.interviews.InterviewStatus;
import io.rapport.scheduling.interviews.Interviews;
import io.rapport.scheduling.interviews.Slot;
import io.rapport.scheduling.interviews.VideoPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalendarCopiesTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Member ada = new Member("ada", "uni-1");
    private final SealedSecrets box = SealedSecrets.withKey("rapport.calendar.key", Base64.getEncoder().encodeToString(new byte[32]));
    private final DueInterviews interviews = new DueInterviews();
    private final OneConnection connections = new OneConnection();
    private final ConnectedCalendars calendars = new ConnectedCalendars(connections, interviews, Optional.of(box), clock);

    private Interview scheduled(String id, int day) {
        return new Interview(id, ada, "c1", "Grace", "Learn", List.of(), new Slot(NOW.plus(Duration.ofDays(day)), 30),
                new InterviewFormat(FormatKind.VIDEO, null, null, VideoPlatform.ZOOM, "https://zoom.us/j/1"),
                ZoneId.of("Europe/Berlin"), ZoneId.of("Europe/Berlin"), false, InterviewStatus.SCHEDULED, null, 0, null,
                null, List.of(), NOW, NOW, 2);
    }

    @Test
    void whenTheServerFailsEveryDueCopyOfTheMemberWaitsForTheRetryNoneIsDropped() {
        connections.connection = new CalendarConnection(ada, "https://dav.example.org/ada/", "ada", AuthKind.PASSWORD,
                box.seal(ada, "pw"), ConnectionStatus.CONNECTED, NOW, null, null, null, 0);
        interviews.due.put("i1", scheduled("i1", 3));
        interviews.due.put("i2", scheduled("i2", 4));
        List<String> calls = new ArrayList<>();
        CalDav down = new CalDav() {
            @Override
            public void put(CalendarAccess access, String name, String icalendar) {
                calls.add(name);
                throw new CalDavException("Could not reach the calendar server at dav.example.org", false);
            }

            @Override
            public void delete(CalendarAccess access, String name) {
                throw new AssertionError("nothing was cancelled");
            }

            @Override
            public List<Busy> busy(CalendarAccess access, Instant from, Instant to, ZoneId floatingZone) {
                return List.of();
            }
        };

        new CalendarCopies(interviews, connections, calendars, down, clock).writeDue();

        assertThat(calls).as("one call, then the member's server is left alone until the retry").containsExactly("i1.ics");
        assertThat(interviews.written).isEmpty();
        assertThat(interviews.retries).containsEntry("i1", NOW.plusSeconds(5)).containsEntry("i2", NOW.plusSeconds(5));
        assertThat(connections.lastError).isEqualTo("Could not reach the calendar server at dav.example.org");
    }

    @Test
    void withoutAConnectedCalendarADueCopyIsSimplyDone() {
        interviews.due.put("i1", scheduled("i1", 3));
        new CalendarCopies(interviews, connections, calendars, null, clock).writeDue();
        assertThat(interviews.written).containsExactly("i1");
    }

    /** Only what the writer uses. */
    private static final class DueInterviews implements Interviews {
        final Map<String, Interview> due = new LinkedHashMap<>();
        final List<String> written = new ArrayList<>();
        final Map<String, Instant> retries = new LinkedHashMap<>();

        @Override
        public List<Interview> calendarCopiesDue(Instant now, int limit) {
            return List.copyOf(due.values());
        }

        @Override
        public void calendarCopyWritten(Interview asWritten) {
            written.add(asWritten.id());
        }

        @Override
        public void calendarCopyRetry(Interview asTried, Instant retryAt) {
            retries.put(asTried.id(), retryAt);
        }

        @Override
        public long calendarCopiesWanted(Member owner, Instant from) {
            return 0;
        }

        @Override
        public void add(Change<Interview> proposed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Change<Interview> changed, long expectedVersion) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Interview> find(Member owner, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Interview> bookedClashing(Member owner, Slot slot, Duration buffer, String exceptId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Interview> agreedBetween(Member owner, Instant from, Instant to, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Interview> list(Member owner, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long eraseAll(Member owner) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class OneConnection implements CalendarConnections {
        CalendarConnection connection;
        String lastError;

        @Override
        public Optional<CalendarConnection> find(Member owner) {
            return Optional.ofNullable(connection);
        }

        @Override
        public void connect(Change<CalendarConnection> connected) {
            connection = connected.state();
        }

        @Override
        public boolean disconnect(Member owner, Change<Instant> disconnected) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordSuccess(Member owner, Instant at) {
        }

        @Override
        public void recordFailure(Member owner, String plainError, Instant at) {
            lastError = plainError;
        }

        @Override
        public long eraseAll(Member owner) {
            throw new UnsupportedOperationException();
        }
    }
}
