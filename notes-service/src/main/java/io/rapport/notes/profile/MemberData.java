package io.rapport.notes.profile;

import io.rapport.notes.goals.Goal;
import io.rapport.notes.goals.Goals;
import io.rapport.notes.notes.KnownInterviews;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.synthesis.Syntheses;
import io.rapport.notes.synthesis.SynthesisSummary;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Everything notes-service holds of one member: exported on request, erased on MemberDataErased. */
public class MemberData {

    private final NoteRecords records;
    private final KnownInterviews interviews;
    private final Profiles profiles;
    private final Goals goals;
    private final Syntheses syntheses;
    private final Erasures erasures;
    private final Clock clock;

    public MemberData(NoteRecords records, KnownInterviews interviews, Profiles profiles, Goals goals,
            Syntheses syntheses, Erasures erasures, Clock clock) {
        this.records = records;
        this.interviews = interviews;
        this.profiles = profiles;
        this.goals = goals;
        this.syntheses = syntheses;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** The member's data as it is stored, for a portable export. */
    public record Export(String memberId, String tenantId, Instant exportedAt, MemberProfile profile,
            List<NoteRecord> notes, List<Goal> goals, SynthesisSummary synthesis) {
    }

    public Export export(Member owner) {
        return new Export(owner.memberId(), owner.tenantId(), clock.instant(),
                profiles.find(owner).orElse(MemberProfile.empty(owner)), records.list(owner), goals.list(owner),
                syntheses.find(owner).orElse(null));
    }

    /**
     * Deletes all of it, once per request ({@link Erasures#erase}): a redelivered request deletes nothing created
     * since, and no event from before it (an interview held, a note recorded) brings anything back.
     *
     * @return false when this request had been carried out before
     */
    public boolean erase(String requestId, Member owner, Instant requestedAt) {
        return erasures.erase(owner, requestId, requestedAt, () -> {
            records.eraseMember(owner);
            interviews.eraseMember(owner);
            profiles.eraseMember(owner);
            goals.eraseMember(owner);
            syntheses.eraseMember(owner);
        });
    }
}
