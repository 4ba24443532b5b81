package io.rapport.scheduling.calendar.config;

import io.rapport.platform.secrets.SealedSecrets;
import io.rapport.scheduling.calendar.caldav.HttpCalDav;

import io.rapport.platform.persistence.Leases;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.scheduling.calendar.CalDav;
import io.rapport.scheduling.calendar.CalendarBusyTimes;
import io.rapport.scheduling.calendar.CalendarConnections;
import io.rapport.scheduling.calendar.CalendarCopies;
import io.rapport.scheduling.calendar.ConnectedCalendars;
import io.rapport.scheduling.interviews.Interviews;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The member's CalDAV calendar: the connection (its secret sealed with {@code rapport.calendar.key}), the busy times
 * it adds to conflict checks and the background writer of interview copies. Without a key the service runs as
 * before and refuses to connect a calendar, saying why.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConnectionConfig {

    private static final String LEASE = "calendar-copies";

    @Bean
    CalDav calDav(@Value("${rapport.calendar.connect-timeout:5s}") Duration connectTimeout,
            @Value("${rapport.calendar.timeout:10s}") Duration timeout,
            @Value("${rapport.calendar.allow-private-networks:false}") boolean privateNetworksAllowed) {
        return new HttpCalDav(connectTimeout, timeout, privateNetworksAllowed);
    }

    @Bean
    ConnectedCalendars connectedCalendars(CalendarConnections connections, Interviews interviews, Clock clock,
            @Value("${rapport.calendar.key:}") String key) {
        Optional<SealedSecrets> secrets = key.isBlank() ? Optional.empty()
                : Optional.of(SealedSecrets.withKey("rapport.calendar.key", key));
        return new ConnectedCalendars(connections, interviews, secrets, clock);
    }

    @Bean
    CalendarBusyTimes calendarBusyTimes(ConnectedCalendars calendars, CalendarConnections connections,
            Interviews interviews, CalDav calDav, Clock clock) {
        return new CalendarBusyTimes(calendars, connections, interviews, calDav, clock);
    }

    @Bean
    CalendarCopies calendarCopies(Interviews interviews, CalendarConnections connections, ConnectedCalendars calendars,
            CalDav calDav, Clock clock) {
        return new CalendarCopies(interviews, connections, calendars, calDav, clock);
    }

    /**
     * One instance writes copies at a time (a lease), so two writes of one interview never cross on the way to
     * the server and leave the older version there.
     */
    @Bean
    BackgroundWorker calendarCopyWriter(CalendarCopies copies, MongoTemplate mongo, Clock clock,
            @Value("${rapport.calendar.poll-interval:5s}") Duration pollInterval) {
        Leases leases = new Leases(mongo, "calendar_leases", clock);
        String holder = "calendar-" + UUID.randomUUID();
        Duration lease = pollInterval.multipliedBy(6).plus(Duration.ofSeconds(60));
        return new BackgroundWorker("calendar-copies", () -> {
            if (leases.tryTake(LEASE, holder, lease) == null) {
                return false;
            }
            return copies.writeDue() >= CalendarCopies.BATCH;
        }, new BackgroundWorker.Pacing(pollInterval, pollInterval.multipliedBy(12)), () -> leases.release(LEASE, holder));
    }
}
