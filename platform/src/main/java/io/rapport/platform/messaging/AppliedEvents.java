package io.rapport.platform.messaging;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent consumers on MongoDB without transactions: the id of each applied event is kept in
 * the very document the event changes, and the change is made only where that id is absent. The
 * effect and its de-duplication are one atomic write, so a redelivered event has no second effect.
 *
 * <p>Used as an upsert, a redelivery finds no document without the id and tries to insert one with
 * the same {@code _id}, which the unique {@code _id} index refuses: that refusal means "already
 * applied".
 */
public final class AppliedEvents {

    public static final String FIELD = "appliedEvents";
    /** Enough to cover any redelivery window; the oldest ids fall off. */
    private static final int REMEMBERED = 64;

    private AppliedEvents() {
    }

    /** Matches the document only if it has not seen this event yet. */
    public static Criteria notYetApplied(Criteria documentCriteria, String eventId) {
        return documentCriteria.and(FIELD).ne(eventId);
    }

    /** Adds the event id to the document's memory, in the same update as the effect. */
    public static Update remember(Update update, String eventId) {
        update.push(FIELD).slice(-REMEMBERED).each(eventId);
        return update;
    }

    /**
     * Applies {@code update} to the document matched by {@code documentCriteria}, creating it if
     * needed, once per event.
     *
     * @return true if applied now, false if this event had been applied before
     */
    public static boolean upsertOnce(MongoTemplate mongo, String collection, Criteria documentCriteria,
            Update update, String eventId) {
        try {
            mongo.upsert(Query.query(notYetApplied(documentCriteria, eventId)), remember(update, eventId), collection);
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** Like {@link #upsertOnce} for a document that must already exist: false if absent or already applied. */
    public static boolean updateOnce(MongoTemplate mongo, String collection, Criteria documentCriteria,
            Update update, String eventId) {
        return mongo.updateFirst(Query.query(notYetApplied(documentCriteria, eventId)), remember(update, eventId),
                collection).getModifiedCount() > 0;
    }
}
