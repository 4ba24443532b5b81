package io.rapport.contacts.contacts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who referred whom around one contact: {@code referredBy} runs from the contact's referrer up to
 * the first contact of the chain, {@code referred} are the people the contact named, and whom
 * those named, with the stage each reached (what came of it).
 */
public record ReferralChain(Link contact, List<Link> referredBy, List<Node> referred) {

    public record Link(String id, String name, String employer, ContactStage stage, boolean mayUseReferrerName) {

        static Link of(Contact contact) {
            return new Link(contact.id(), contact.details().name(), contact.details().employer(), contact.stage(),
                    contact.details().mayUseReferrerName());
        }
    }

    public record Node(Link contact, List<Node> referred) {
    }

    public static ReferralChain of(Contact contact, List<Contact> all) {
        Map<String, Contact> byId = all.stream().collect(Collectors.toMap(Contact::id, Function.identity()));
        List<Link> up = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(contact.id()));
        String next = contact.details().referredByContactId();
        // The member edits referrers freely, so a loop is possible; each contact is shown once.
        while (next != null && byId.containsKey(next) && seen.add(next)) {
            Contact referrer = byId.get(next);
            up.add(Link.of(referrer));
            next = referrer.details().referredByContactId();
        }
        return new ReferralChain(Link.of(contact), up, referredBy(contact.id(), all, new HashSet<>(Set.of(contact.id()))));
    }

    private static List<Node> referredBy(String id, List<Contact> all, Set<String> seen) {
        List<Node> nodes = new ArrayList<>();
        for (Contact candidate : all) {
            if (id.equals(candidate.details().referredByContactId()) && seen.add(candidate.id())) {
                nodes.add(new Node(Link.of(candidate), referredBy(candidate.id(), all, seen)));
            }
        }
        return nodes;
    }
}
