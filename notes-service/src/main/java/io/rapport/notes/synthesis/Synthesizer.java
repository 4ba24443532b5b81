package io.rapport.notes.synthesis;

import io.rapport.notes.notes.Category;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.NoteRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds themes across interviews. Recomputed from all of the member's consented entries each time:
 * measured fast enough (see the README), and never out of step with what is stored.
 *
 * <p>Ranking is by the number of DISTINCT interviews first, so one talkative interviewee cannot
 * outrank a point several people made; weight (per interview 1 + ln of its mentions) only breaks ties.
 */
public final class Synthesizer {

    public static final int THEMES_PER_CATEGORY = 10;
    /** Entries listed per theme; the count of supporting interviews stays exact. */
    static final int ENTRIES_PER_THEME = 20;

    /** Bounds the memory of the analysis cache; past it the cache starts over. */
    static final int CACHED_TEXTS = 200_000;

    private final ThemeAnalyzer analyzer = new ThemeAnalyzer();
    /**
     * The terms of each entry text analyzed so far. Entries do not change once written, so after a
     * new note only its own entries are analyzed; the ranking is still recomputed over everything.
     */
    private final Map<String, ThemeAnalyzer.Term[]> analyzed = new ConcurrentHashMap<>();

    public Synthesis synthesize(Collection<NoteRecord> records, Collection<String> declaredSkills) {
        Map<Category, Map<String, Stat>> byCategory = new EnumMap<>(Category.class);
        Set<String> interviews = new HashSet<>();
        int entryCount = 0;
        for (NoteRecord record : records) {
            for (Entry entry : record.entries()) {
                entryCount++;
                interviews.add(record.interviewId());
                Map<String, Stat> stats = byCategory.computeIfAbsent(entry.category(), category -> new HashMap<>());
                for (ThemeAnalyzer.Term term : termsOf(entry.text())) {
                    stats.computeIfAbsent(term.key(), key -> new Stat(term)).add(record.interviewId(), entry, term);
                }
            }
        }
        Map<Category, List<Theme>> themes = new EnumMap<>(Category.class);
        byCategory.forEach((category, stats) -> themes.put(category, rank(category, stats)));
        return new Synthesis(interviews.size(), entryCount, themes,
                skillGaps(themes.getOrDefault(Category.SKILLS, List.of()), declaredSkills));
    }

    private ThemeAnalyzer.Term[] termsOf(String text) {
        ThemeAnalyzer.Term[] terms = analyzed.get(text);
        if (terms == null) {
            terms = analyzer.terms(text).values().toArray(ThemeAnalyzer.Term[]::new);
            if (analyzed.size() >= CACHED_TEXTS) {
                analyzed.clear();
            }
            analyzed.put(text, terms);
        }
        return terms;
    }

    private List<Theme> rank(Category category, Map<String, Stat> stats) {
        Set<String> subsumed = new HashSet<>();
        for (Stat stat : stats.values()) {
            stat.finish();
            for (String part : stat.term.parts()) {
                Stat shorter = stats.get(part);
                // A shorter term said in exactly the interviews of a longer phrase is that phrase.
                if (shorter != null && shorter.interviewIds.size() == stat.interviewIds.size()) {
                    subsumed.add(part);
                }
            }
        }
        Comparator<Stat> order = Comparator.comparingInt((Stat stat) -> stat.interviewIds.size()).reversed()
                .thenComparing(Comparator.comparingDouble((Stat stat) -> stat.weight).reversed())
                .thenComparing(stat -> stat.term.key());
        return stats.values().stream()
                .filter(stat -> !subsumed.contains(stat.term.key()))
                .sorted(order)
                .limit(THEMES_PER_CATEGORY)
                .map(stat -> stat.toTheme(category))
                .toList();
    }

    private List<Theme> skillGaps(List<Theme> skillThemes, Collection<String> declaredSkills) {
        List<TreeSet<String>> declared = declaredSkills.stream().map(analyzer::stems).filter(stems -> !stems.isEmpty()).toList();
        return skillThemes.stream().filter(theme -> {
            Set<String> themeStems = Set.of(theme.key().split(" "));
            return declared.stream().noneMatch(skill -> themeStems.containsAll(skill) || skill.containsAll(themeStems));
        }).toList();
    }

    /**
     * What one term gathered. Records are read one at a time, so an interview's mentions of a term
     * are consecutive: counting them needs no map.
     */
    private static final class Stat {
        final ThemeAnalyzer.Term term;
        final List<String> interviewIds = new ArrayList<>(2);
        final List<Theme.EntryRef> entries = new ArrayList<>(2);
        String label;
        boolean labelExact;
        int mentionsInLastInterview;
        double weightOfEarlierInterviews;
        double weight;

        Stat(ThemeAnalyzer.Term term) {
            this.term = term;
        }

        void add(String interviewId, Entry entry, ThemeAnalyzer.Term found) {
            if (interviewIds.isEmpty() || !interviewIds.getLast().equals(interviewId)) {
                if (!interviewIds.isEmpty()) {
                    weightOfEarlierInterviews += 1 + Math.log(mentionsInLastInterview);
                }
                interviewIds.add(interviewId);
                mentionsInLastInterview = 0;
            }
            mentionsInLastInterview++;
            if (entries.size() < ENTRIES_PER_THEME) {
                entries.add(new Theme.EntryRef(interviewId, entry.id(), entry.text()));
            }
            if (found.surface() != null && (label == null || (found.exact() && !labelExact))) {
                label = found.surface();
                labelExact = found.exact();
            }
        }

        void finish() {
            weight = weightOfEarlierInterviews + 1 + Math.log(mentionsInLastInterview);
        }

        Theme toTheme(Category category) {
            String shown = label == null ? term.key() : label.replaceAll("\\s+", " ");
            return new Theme(category, shown, term.key(), interviewIds.size(), Math.round(weight * 100) / 100.0,
                    interviewIds.size() == 1, interviewIds, entries);
        }
    }
}
