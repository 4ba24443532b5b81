package io.rapport.notes.synthesis;

import io.rapport.events.SynthesisUpdated;
import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.NoteRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The synthesis a member can share: built from shareable entries only (a sensitive entry only where the interviewee
 * allowed sharing), so no theme can quote what was said in confidence, with every name replaced by "Interviewee A,
 * B, …" and employers hidden unless the member shows them. The Markdown export for a mentor and the synthesis an
 * advisor sees (carried by SynthesisUpdated) are both this.
 */
public final class SharedSynthesis {

    /** Themes per category an advisor receives, the synthesizer's best first; the export lists all it ranks. */
    public static final int THEMES_PER_CATEGORY = 5;
    public static final int SKILL_GAPS = 10;
    /** A label longer than this (a theme's label is a phrase from the notes) is cut, with an ellipsis. */
    public static final int LABEL_LENGTH = 200;

    private final List<NoteRecord> shared;
    private final Synthesis synthesis;
    private final Anonymizer anonymizer;

    private SharedSynthesis(List<NoteRecord> shared, Synthesis synthesis, Anonymizer anonymizer) {
        this.shared = shared;
        this.synthesis = synthesis;
        this.anonymizer = anonymizer;
    }

    public static SharedSynthesis of(Synthesizer synthesizer, List<NoteRecord> records, Collection<String> declaredSkills,
            boolean showEmployers) {
        return of(synthesizer, records, declaredSkills, showEmployers, null);
    }

    /**
     * @param wholeSynthesis the synthesis of all of {@code records} when already computed: reused when every entry is
     *     shareable (the common case), instead of synthesizing the same notes twice
     */
    static SharedSynthesis of(Synthesizer synthesizer, List<NoteRecord> records, Collection<String> declaredSkills,
            boolean showEmployers, Synthesis wholeSynthesis) {
        List<NoteRecord> shared = new ArrayList<>(records.size());
        boolean allShareable = true;
        for (NoteRecord record : records) {
            NoteRecord shareable = shareable(record);
            allShareable &= shareable == record;
            if (!shareable.entries().isEmpty() || !shareable.takeaways().isEmpty()) {
                shared.add(shareable);
            }
        }
        Synthesis synthesis = allShareable && wholeSynthesis != null ? wholeSynthesis
                : synthesizer.synthesize(shared, declaredSkills);
        return new SharedSynthesis(List.copyOf(shared), synthesis, new Anonymizer(shared, records, !showEmployers));
    }

    /** The interviews that appear, in the order their aliases were given. */
    public List<NoteRecord> interviews() {
        return shared;
    }

    /** The themes and skill gaps of what is shared; labels are NOT yet anonymized: pass them through {@link #scrub}. */
    public Synthesis synthesis() {
        return synthesis;
    }

    public String scrub(String text) {
        return anonymizer.scrub(text);
    }

    public String alias(String interviewId) {
        return anonymizer.alias(interviewId);
    }

    public String employer(String employer) {
        return anonymizer.employer(employer);
    }

    /** What an advisor the member shares their synthesis with receives: labels anonymized, bounded. */
    public SynthesisUpdated.Shared forAdvisor() {
        List<SynthesisUpdated.SharedTheme> themes = new ArrayList<>();
        for (Category category : Category.values()) {
            synthesis.themes().getOrDefault(category, List.of()).stream().limit(THEMES_PER_CATEGORY)
                    .forEach(theme -> themes.add(shared(theme)));
        }
        List<SynthesisUpdated.SharedTheme> gaps = synthesis.skillGaps().stream().limit(SKILL_GAPS).map(this::shared).toList();
        return new SynthesisUpdated.Shared(shared.size(), themes, gaps);
    }

    private SynthesisUpdated.SharedTheme shared(Theme theme) {
        String label = scrub(theme.label());
        if (label.length() > LABEL_LENGTH) {
            label = label.substring(0, LABEL_LENGTH - 1).strip() + "…";
        }
        return new SynthesisUpdated.SharedTheme(theme.category().name().toLowerCase(Locale.ROOT), label,
                theme.interviewCount(), theme.singlePerspective());
    }

    /** The record as it may be shared: sensitive entries left out unless the interviewee allowed sharing. */
    private static NoteRecord shareable(NoteRecord record) {
        if (record.permissionToShare() || record.entries().stream().noneMatch(Entry::sensitive)) {
            return record;
        }
        List<Entry> entries = record.entries().stream().filter(entry -> !entry.sensitive()).toList();
        return new NoteRecord(record.interviewId(), record.owner(), record.held(), record.contactName(),
                record.employer(), record.role(), record.consent(), record.permissionToShare(), record.preparation(),
                entries, record.takeaways(), record.advice(), record.actionItems(), record.referrals(),
                record.thankYou(), record.updatedAt(), record.version());
    }
}
