package io.rapport.contacts.mailbox;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The members' mailbox connections, one per member, with the events of each change (the port). */
public interface Mailboxes {

    Optional<Mailbox> find(Member owner);

    /** Stores the change whatever the mailbox was (the member's own connect or disconnect wins). */
    void save(Change<Mailbox> change);

    /**
     * Stores the change if the mailbox is still at {@code expectedVersion}: false when the member changed it
     * meanwhile (a check's result is then dropped).
     */
    boolean saveAt(Change<Mailbox> change, long expectedVersion);

    /**
     * Claims up to {@code limit} connected mailboxes due by {@code now}, oldest due first, moving each one's next
     * check to {@code leaseUntil} so no other instance checks it meanwhile.
     *
     * @return the claimed mailboxes, at their new version
     */
    List<Mailbox> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Erasure: the member's mailbox record, credentials and cursors; repeating it is harmless. */
    long deleteAll(Member owner);
}
