package io.rapport.notes.synthesis;

import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.NoteRecord;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The synthesis as Markdown for a mentor ({@link SharedSynthesis}: interviewees anonymized, employers hidden unless
 * the member opts in, as role plus employer can identify a person; sensitive entries left out unless the interviewee
 * allowed sharing); referrals and preparation never included.
 */
public final class MarkdownExport {

    private final Synthesizer synthesizer;

    public MarkdownExport(Synthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    public String render(List<NoteRecord> records, Collection<String> declaredSkills, boolean showEmployers) {
        SharedSynthesis shared = SharedSynthesis.of(synthesizer, records, declaredSkills, showEmployers);
        Synthesis synthesis = shared.synthesis();
        StringBuilder md = new StringBuilder();
        int count = shared.interviews().size();
        md.append("# What I learned from ").append(count).append(count == 1 ? " informational interview" : " informational interviews")
                .append("\n\n")
                .append("_Anonymized: interviewees are named Interviewee A, B, …"
                        + (showEmployers ? "" : ", employers Employer 1, 2, …") + "; sensitive details are left out unless the interviewee allowed sharing._\n\n");
        md.append("## Themes\n\n");
        for (Category category : Category.values()) {
            List<Theme> themes = synthesis.themes().getOrDefault(category, List.of());
            if (themes.isEmpty()) {
                continue;
            }
            md.append("### ").append(title(category)).append("\n\n");
            for (Theme theme : themes) {
                md.append("- **").append(shared.scrub(theme.label())).append("** — ")
                        .append(theme.singlePerspective() ? "single perspective" : theme.interviewCount() + " interviews")
                        .append(" (").append(theme.interviewIds().stream().map(shared::alias).collect(Collectors.joining(", ")))
                        .append(")\n");
            }
            md.append("\n");
        }
        if (!synthesis.skillGaps().isEmpty()) {
            md.append("## Skills I still need\n\n");
            synthesis.skillGaps().forEach(gap -> md.append("- ").append(shared.scrub(gap.label()))
                    .append(" (").append(gap.interviewCount()).append(gap.interviewCount() == 1 ? " interview" : " interviews").append(")\n"));
            md.append("\n");
        }
        md.append("## Interviews\n\n");
        for (NoteRecord record : shared.interviews()) {
            md.append("### ").append(shared.alias(record.interviewId()));
            String employer = shared.employer(record.employer());
            if (employer != null || record.role() != null) {
                md.append(" — ").append(shared.scrub(record.role() == null ? "" : record.role()))
                        .append(record.role() != null && employer != null ? " at " : "")
                        .append(employer == null ? "" : shared.scrub(employer));
            }
            md.append("\n\n");
            if (!record.takeaways().isEmpty()) {
                md.append("**Key takeaways**\n\n");
                record.takeaways().forEach(takeaway -> md.append("- ").append(shared.scrub(takeaway)).append("\n"));
                md.append("\n");
            }
            Map<Category, List<Entry>> byCategory = record.entries().stream()
                    .collect(Collectors.groupingBy(Entry::category, () -> new java.util.EnumMap<>(Category.class), Collectors.toList()));
            byCategory.forEach((category, entries) -> {
                md.append("**").append(title(category)).append("**\n\n");
                entries.forEach(entry -> md.append("- ").append(shared.scrub(entry.text())).append("\n"));
                md.append("\n");
            });
        }
        return md.toString();
    }

    private static String title(Category category) {
        String words = category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
