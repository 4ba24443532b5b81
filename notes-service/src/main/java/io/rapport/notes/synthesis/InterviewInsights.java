package io.rapport.notes.synthesis;

import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.NoteRecords;
import io.rapport.notes.profile.MemberProfile;
import io.rapport.notes.profile.Profiles;
import io.rapport.platform.domain.Member;
import java.time.Clock;
import java.util.List;

/**
 * What a member's interviews say together: the synthesis (recurring themes, skill gaps), the
 * same notes seen by employer or by role, the anonymized export, and the stored summary kept up to
 * date after notes change.
 */
public class InterviewInsights {

    private final NoteRecords records;
    private final Profiles profiles;
    private final Syntheses syntheses;
    private final Clock clock;
    private final Synthesizer synthesizer = new Synthesizer();
    private final MarkdownExport markdown = new MarkdownExport(synthesizer);

    public InterviewInsights(NoteRecords records, Profiles profiles, Syntheses syntheses, Clock clock) {
        this.records = records;
        this.profiles = profiles;
        this.syntheses = syntheses;
        this.clock = clock;
    }

    public Synthesis current(Member owner) {
        return synthesizer.synthesize(records.list(owner), skills(owner));
    }

    /**
     * Brings the stored summary up to date after notes changed, once per causing event, and
     * announces it with SynthesisUpdated.
     */
    public boolean refresh(String causeEventId, Member owner) {
        List<NoteRecord> all = records.list(owner);
        if (all.isEmpty()) {
            // Nothing left to summarize (e.g. the member's data was erased before this event arrived).
            return false;
        }
        List<String> skills = skills(owner);
        Synthesis synthesis = synthesizer.synthesize(all, skills);
        // For an advisor: employers hidden, as in the export's default.
        SharedSynthesis shared = SharedSynthesis.of(synthesizer, all, skills, false, synthesis);
        return syntheses.save(causeEventId, SynthesisSummary.of(owner, synthesis, shared, clock.instant()));
    }

    public List<Perspectives.Group> byEmployer(Member owner) {
        return Perspectives.byEmployer(records.list(owner));
    }

    public List<Perspectives.Group> byRole(Member owner) {
        return Perspectives.byRole(records.list(owner));
    }

    /** Employers are hidden unless the member opts in: role plus employer can identify a person. */
    public String markdown(Member owner, boolean showEmployers) {
        return markdown.render(records.list(owner), skills(owner), showEmployers);
    }

    private List<String> skills(Member owner) {
        return profiles.find(owner).map(MemberProfile::skills).orElse(List.of());
    }
}
