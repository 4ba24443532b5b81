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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The same person approached by 3 or more of a tenant's members within 30 days: a signal for the tenant's admins
 * (coordinate outreach to them), and a note for a member about to write to them — neither says which members.
 *
 * <p>A person is matched on their e-mail or their LinkedIn profile ({@link ContactFingerprint}): approaches under
 * either are one person when some member's approach within the window came with both (a member who knows only the
 * e-mail, one who knows only the profile and one who knows both are three members, one signal). Fingerprints are
 * linked only through approaches in the window, not through contacts nobody wrote to.
 */
public class OverAskedContacts {

    public static final int MEMBERS = 3;
    public static final Duration WINDOW = Duration.ofDays(30);
    /**
     * Reads for a member's note, each following the links the last one found: two find an e-mail's profile and its
     * approaches; the rest are for a person known under several addresses. Bounded, whatever the links.
     */
    static final int MAX_LINK_ROUNDS = 4;

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
            case ContactAdded added -> remember(member, added.contactId(), added.email(), added.linkedInUrl(),
                    added.name(), added.employer());
            case ContactUpdated updated -> remember(member, updated.contactId(), updated.email(), updated.linkedInUrl(),
                    updated.name(), updated.employer());
            case OutreachSent sent -> store.contact(member, sent.contactId()).ifPresent(known ->
                    store.recordApproach(member, known.fingerprints(), known.name(), known.employer(), sent.sentAt()));
            default -> {
            }
        }
    }

    private void remember(Member member, String contactId, String email, String linkedInUrl, String name,
            String employer) {
        List<String> fingerprints = ContactFingerprint.all(store.tenantKey(member.tenantId()), email, linkedInUrl);
        if (!fingerprints.isEmpty()) {
            store.rememberContact(member, contactId, fingerprints, name, employer);
        }
    }

    /** For the tenant's admins: people approached by at least 3 members in 30 days, the most approached first. */
    public List<Signal> signals(String tenantId) {
        Instant since = clock.instant().minus(WINDOW);
        List<OverAskedStore.Approach> recent = store.approachesSince(tenantId, since);
        People people = new People();
        recent.forEach(approach -> approach.linked().forEach(other -> people.link(approach.fingerprint(), other)));
        Map<String, List<OverAskedStore.Approach>> byPerson = recent.stream()
                .collect(Collectors.groupingBy(approach -> people.of(approach.fingerprint())));
        List<Signal> signals = new ArrayList<>();
        byPerson.forEach((person, approaches) -> {
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
        int others = store.contact(member, contactId).map(known -> (int) approachesOfPerson(member.tenantId(),
                known.fingerprints(), since).stream().map(OverAskedStore.Approach::memberId)
                .filter(other -> !other.equals(member.memberId())).distinct().count()).orElse(0);
        String note = others == 0 ? null : others + (others == 1 ? " other member" : " others")
                + " from your organization wrote to this person in the last 30 days: consider coordinating,"
                + " or writing to someone else there.";
        return new Note(others, note);
    }

    /**
     * The approaches of the person these fingerprints are, following the links approaches carry (an e-mail seen
     * with a profile brings that profile's approaches): a few index reads, as many as there are links to follow.
     */
    private List<OverAskedStore.Approach> approachesOfPerson(String tenantId, List<String> fingerprints, Instant since) {
        Set<String> known = new HashSet<>(fingerprints);
        List<OverAskedStore.Approach> approaches = List.of();
        for (int round = 0; round < MAX_LINK_ROUNDS && !known.isEmpty(); round++) {
            approaches = store.approachesOf(tenantId, known, since);
            Set<String> more = new HashSet<>(known);
            approaches.forEach(approach -> more.addAll(approach.linked()));
            if (more.size() == known.size()) {
                break;
            }
            known = more;
        }
        return approaches;
    }

    /** Fingerprints linked into people (union-find): each person is named by one of their fingerprints. */
    private static final class People {
        private final Map<String, String> parent = new HashMap<>();

        String of(String fingerprint) {
            String root = fingerprint;
            while (!parent.getOrDefault(root, root).equals(root)) {
                root = parent.get(root);
            }
            parent.put(fingerprint, root);
            return root;
        }

        void link(String a, String b) {
            String rootA = of(a);
            String rootB = of(b);
            if (!rootA.equals(rootB)) {
                parent.put(rootA.compareTo(rootB) < 0 ? rootB : rootA, rootA.compareTo(rootB) < 0 ? rootA : rootB);
            }
        }
    }
}
