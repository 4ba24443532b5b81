package io.rapport.insights.volunteers;

import io.rapport.events.AlumniVolunteerRequested;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The alumni-volunteer directory: admins keep it; a member's request counts against the volunteer's monthly cap
 * (refused, saying so, when the month is full) and announces AlumniVolunteerRequested, which makes the volunteer
 * one of the member's contacts (source alumni) in contacts-service.
 */
public class AlumniVolunteers {

    private final VolunteerStore store;
    private final Clock clock;

    public AlumniVolunteers(VolunteerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A volunteer as members see them: no e-mail until they ask, and how many requests this month still takes. */
    public record Listing(String id, String name, String employer, String role, String industry, List<String> topics,
                          int monthlyCap, int requestsLeftThisMonth) {
    }

    public Volunteer register(String tenantId, String name, String email, String employer, String role, String industry,
            List<String> topics, Integer monthlyCap) {
        Volunteer volunteer = Volunteer.register(tenantId, name, email, employer, role, industry, topics, monthlyCap);
        store.save(volunteer);
        return volunteer;
    }

    public List<Volunteer> all(String tenantId) {
        return store.of(tenantId);
    }

    public List<Listing> directory(String tenantId) {
        String month = month(clock.instant());
        return store.of(tenantId).stream().map(volunteer -> listing(volunteer, month)).toList();
    }

    public AlumniVolunteerRequested request(Member member, String volunteerId) {
        Volunteer volunteer = store.find(member.tenantId(), volunteerId)
                .orElseThrow(() -> new NotFoundException("volunteer", volunteerId));
        Instant now = clock.instant();
        String month = month(now);
        AlumniVolunteerRequested event = new AlumniVolunteerRequested(Ids.newId(), volunteer.id(), volunteer.name(),
                volunteer.email(), volunteer.employer(), volunteer.role(), volunteer.industry(), now);
        if (!store.countRequest(volunteer, month, member, event)) {
            if (store.requestedBy(member.tenantId(), volunteerId, month, member.memberId())) {
                throw new ConflictException("You already asked " + volunteer.name() + " this month.",
                        Map.of("volunteerId", volunteerId));
            }
            YearMonth next = YearMonth.parse(month).plusMonths(1);
            throw new ConflictException(volunteer.name() + " has already received this month's " + volunteer.monthlyCap()
                    + " request" + (volunteer.monthlyCap() == 1 ? "" : "s") + " and takes new ones from " + next.atDay(1)
                    + ". Try another volunteer, or ask again then.",
                    Map.of("volunteerId", volunteerId, "monthlyCap", volunteer.monthlyCap(), "availableFrom", next.atDay(1).toString()));
        }
        return event;
    }

    private Listing listing(Volunteer volunteer, String month) {
        int left = Math.max(0, volunteer.monthlyCap() - store.requests(volunteer.tenantId(), volunteer.id(), month));
        return new Listing(volunteer.id(), volunteer.name(), volunteer.employer(), volunteer.role(), volunteer.industry(),
                volunteer.topics(), volunteer.monthlyCap(), left);
    }

    /** Caps count per calendar month in UTC. */
    static String month(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
