package io.rapport.notes.profile;

import io.rapport.notes.goals.Goal;
import io.rapport.notes.goals.Goals;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.synthesis.Syntheses;
import io.rapport.notes.synthesis.SynthesisSummary;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Everything notes-service holds of one member: exported on request, erased on MemberDataErased. */
public class MemberData {

    private final NoteRecords records;
    private final Profiles profiles;
    private final Goals goals;
    private final Syntheses syntheses;
    private final Clock clock;

    public MemberData(NoteRecords records, Profiles profiles, Goals goals, Syntheses syntheses, Clock clock) {
        this.records = records;
        this.profiles = profiles;
        this.goals = goals;
        this.syntheses = syntheses;
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

    /** Deletes all of it; erasing twice finds nothing the second time, so redelivery is harmless. */
    public long erase(Member owner) {
        return records.eraseMember(owner) + profiles.eraseMember(owner) + goals.eraseMember(owner)
                + syntheses.eraseMember(owner);
    }
}
