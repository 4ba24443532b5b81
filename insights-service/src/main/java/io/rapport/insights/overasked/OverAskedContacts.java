package io.rapport.insights.overasked;

import io.rapport.events.ContactAdded;
import io.rapport.events.ContactUpdated;
import io.rapport.events.DomainEvent;
import io.rapport.events.OutreachSent;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same person approached by 3 or more of a tenant's members within 30 days: a signal for the tenant's admins
 * (coordinate outreach to them), and a note for a member about to write to them — neither says which members.
 */
public class OverAskedContacts {

    public static final int MEMBERS = 3;
    public static final Duration WINDOW = Duration.ofDays(30);

    private final OverAskedStore store;
    private final Clock clock;

    public OverAskedContacts(OverAskedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Signal(String contactName, String employer, int members, Instant lastApproachedAt) {
    }

    /** @param othersInWindow other members who wrote to the person in the last 30 days; note null when none did */
    public record Note(int othersInWindow, String note) {
    }

    public void apply(Member member, DomainEvent event) {
        switch (event) {
            case ContactAdded added -> remember(member, added.contactId(), added.email(), added.name(), added.employer());
            case ContactUpdated updated ->
                    remember(member, updated.contactId(), updated.email(), updated.name(), updated.employer());
            case OutreachSent sent -> store.contact(member, sent.contactId()).ifPresent(known ->
                    store.recordApproach(member, known.fingerprint(), known.name(), known.employer(), sent.sentAt()));
            default -> {
            }
        }
    }

    private void remember(Member member, String contactId, String email, String name, String employer) {
        String fingerprint = ContactFingerprint.of(store.tenantKey(member.tenantId()), email);
        if (fingerprint != null) {
            store.rememberContact(member, contactId, fingerprint, name, employer);
        }
    }

    /** For the tenant's admins: people approached by at least 3 members in 30 days, the most approached first. */
    public List<Signal> signals(String tenantId) {
        Instant since = clock.instant().minus(WINDOW);
        Map<String, List<OverAskedStore.Approach>> byPerson = store.approachesSince(tenantId, since).stream()
                .collect(Collectors.groupingBy(OverAskedStore.Approach::fingerprint));
        List<Signal> signals = new ArrayList<>();
        byPerson.forEach((fingerprint, approaches) -> {
            Set<String> members = new HashSet<>();
            approaches.forEach(approach -> members.add(approach.memberId()));
            if (members.size() >= MEMBERS) {
                OverAskedStore.Approach latest = approaches.stream().max(Comparator.comparing(OverAskedStore.Approach::at))
                        .orElseThrow();
                signals.add(new Signal(latest.name(), latest.employer(), members.size(), latest.at()));
            }
        });
        signals.sort(Comparator.comparingInt(Signal::members).reversed().thenComparing(Signal::lastApproachedAt,
                Comparator.reverseOrder()));
        return signals;
    }

    /** For a member about to write to one of their contacts: how many others wrote to this person lately. */
    public Note noteFor(Member member, String contactId) {
        Instant since = clock.instant().minus(WINDOW);
        int others = store.contact(member, contactId).map(known -> (int) store.approachesOf(member.tenantId(),
                known.fingerprint(), since).stream().map(OverAskedStore.Approach::memberId)
                .filter(other -> !other.equals(member.memberId())).distinct().count()).orElse(0);
        String note = others == 0 ? null : others + (others == 1 ? " other member" : " others")
                + " from your organization wrote to this person in the last 30 days: consider coordinating,"
                + " or writing to someone else there.";
        return new Note(others, note);
    }
}
