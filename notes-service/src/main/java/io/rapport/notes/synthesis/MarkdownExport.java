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
 * The synthesis as Markdown for a mentor: interviewees anonymized, employers hidden unless the member
 * opts in (role plus employer can identify a person),
 * sensitive entries left out unless the interviewee allowed sharing, referrals and preparation
 * never included.
 */
public final class MarkdownExport {

    private final Synthesizer synthesizer;

    public MarkdownExport(Synthesizer synthesizer) {
        this.synthesizer = synthesizer;
    }

    public String render(List<NoteRecord> records, Collection<String> declaredSkills, boolean showEmployers) {
        List<NoteRecord> shared = records.stream().map(MarkdownExport::shareable)
                .filter(record -> !record.entries().isEmpty() || !record.takeaways().isEmpty()).toList();
        Anonymizer anonymizer = new Anonymizer(shared, records, !showEmployers);
        // Themes come from what is shared only, so no label can quote a sensitive entry.
        Synthesis synthesis = synthesizer.synthesize(shared, declaredSkills);
        StringBuilder md = new StringBuilder();
        md.append("# What I learned from ").append(shared.size()).append(shared.size() == 1 ? " informational interview" : " informational interviews")
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
                md.append("- **").append(anonymizer.scrub(theme.label())).append("** — ")
                        .append(theme.singlePerspective() ? "single perspective" : theme.interviewCount() + " interviews")
                        .append(" (").append(theme.interviewIds().stream().map(anonymizer::alias).collect(Collectors.joining(", ")))
                        .append(")\n");
            }
            md.append("\n");
        }
        if (!synthesis.skillGaps().isEmpty()) {
            md.append("## Skills I still need\n\n");
            synthesis.skillGaps().forEach(gap -> md.append("- ").append(anonymizer.scrub(gap.label()))
                    .append(" (").append(gap.interviewCount()).append(gap.interviewCount() == 1 ? " interview" : " interviews").append(")\n"));
            md.append("\n");
        }
        md.append("## Interviews\n\n");
        for (NoteRecord record : shared) {
            md.append("### ").append(anonymizer.alias(record.interviewId()));
            String employer = anonymizer.employer(record.employer());
            if (employer != null || record.role() != null) {
                md.append(" — ").append(anonymizer.scrub(record.role() == null ? "" : record.role()))
                        .append(record.role() != null && employer != null ? " at " : "")
                        .append(employer == null ? "" : anonymizer.scrub(employer));
            }
            md.append("\n\n");
            if (!record.takeaways().isEmpty()) {
                md.append("**Key takeaways**\n\n");
                record.takeaways().forEach(takeaway -> md.append("- ").append(anonymizer.scrub(takeaway)).append("\n"));
                md.append("\n");
            }
            Map<Category, List<Entry>> byCategory = record.entries().stream()
                    .collect(Collectors.groupingBy(Entry::category, () -> new java.util.EnumMap<>(Category.class), Collectors.toList()));
            byCategory.forEach((category, entries) -> {
                md.append("**").append(title(category)).append("**\n\n");
                entries.forEach(entry -> md.append("- ").append(anonymizer.scrub(entry.text())).append("\n"));
                md.append("\n");
            });
        }
        return md.toString();
    }

    private static NoteRecord shareable(NoteRecord record) {
        List<Entry> entries = record.entries().stream()
                .filter(entry -> !entry.sensitive() || record.permissionToShare()).toList();
        return new NoteRecord(record.interviewId(), record.owner(), record.held(), record.contactName(),
                record.employer(), record.role(), record.consent(), record.permissionToShare(), record.preparation(),
                entries, record.takeaways(), record.advice(), record.actionItems(), record.referrals(),
                record.thankYou(), record.updatedAt(), record.version());
    }

    private static String title(Category category) {
        String words = category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
