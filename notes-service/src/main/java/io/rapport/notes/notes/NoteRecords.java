package io.rapport.notes.notes;

import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** Where note records are kept: each write stores the state and its events together, or neither. */
public interface NoteRecords {

    /**
     * Stores the change if the record is still at {@code expectedVersion} (0: not stored yet).
     *
     * @throws io.rapport.platform.domain.ConflictException on a stale version
     */
    void save(Change<NoteRecord> change, long expectedVersion);

    /**
     * Applies InterviewHeld once per event id, creating the record if the member had not prepared it.
     *
     * @return false when this event had been applied before
     */
    boolean markHeld(String eventId, Member owner, String interviewId, HeldInterview interview);

    Optional<NoteRecord> find(Member owner, String interviewId);

    /** The member's records, oldest interview first. */
    List<NoteRecord> list(Member owner);

    /** Deletes everything of the member; deleting again is harmless. */
    long eraseMember(Member owner);
}
