package io.rapport.contacts.employers;

import io.rapport.contacts.contacts.Contact;
import io.rapport.contacts.contacts.ContactDetails;
import io.rapport.contacts.contacts.ContactSource;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * LAMP: target employers ranked by Motivation, then Posting, then Advocacy, all descending, ties
 * by name. Advocacy is derived from the contacts every time it is read, so it follows every change
 * to them: yes when the member has a contact there (linked to the employer, or with its name as
 * employer) who is not archived and came from the alumni network or a referral, or is tagged
 * "friend".
 */
public final class LampRanking {

    public static final String FRIEND_TAG = "friend";

    private LampRanking() {
    }

    public static List<RankedEmployer> rank(List<TargetEmployer> employers, List<Contact> contacts, int top) {
        return employers.stream().map(employer -> assess(employer, contacts))
                .sorted(Comparator.comparingInt((RankedEmployer r) -> r.employer().motivation()).reversed()
                        .thenComparing(Comparator.comparingInt((RankedEmployer r) -> r.employer().posting()).reversed())
                        .thenComparing(Comparator.comparing(RankedEmployer::advocacy).reversed())
                        .thenComparing(r -> r.employer().name().toLowerCase(Locale.ROOT))
                        .thenComparing(r -> r.employer().id()))
                .limit(top)
                .toList();
    }

    public static RankedEmployer assess(TargetEmployer employer, List<Contact> contacts) {
        List<String> advocates = contacts.stream()
                .filter(contact -> !contact.isArchived() && worksAt(contact, employer) && isAdvocate(contact))
                .map(Contact::id).toList();
        boolean derived = !advocates.isEmpty();
        boolean advocacy = employer.advocacyOverride() != null ? employer.advocacyOverride() : derived;
        return new RankedEmployer(employer, advocacy, derived, advocates);
    }

    public static boolean worksAt(Contact contact, TargetEmployer employer) {
        ContactDetails details = contact.details();
        return employer.id().equals(details.employerId())
                || details.employer() != null && ContactDetails.fold(details.employer()).equals(employer.nameKey());
    }

    private static boolean isAdvocate(Contact contact) {
        ContactSource source = contact.details().source();
        return source == ContactSource.ALUMNI || source == ContactSource.REFERRAL
                || contact.details().tags().contains(FRIEND_TAG);
    }
}
