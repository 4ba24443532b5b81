package io.rapport.notes.synthesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene's English analysis for themes: words are lower-cased, stop words dropped and the rest
 * Porter-stemmed, then joined into two- and three-word phrases (shingles). A phrase's key is its
 * set of stems in alphabetical order, so "stakeholder communication" and "communicating with
 * stakeholders" share the key {@code commun stakehold}. Everything is in memory: no index.
 */
public final class ThemeAnalyzer {

    private static final String FILLER = "_";

    /** Lucene's English stop words plus the filler of spoken advice, which would otherwise become themes. */
    static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new CloseStopWordGaps(stream);
            stream = new PorterStemFilter(stream);
            ShingleFilter shingles = new ShingleFilter(stream, 2, 3);
            shingles.setOutputUnigrams(true);
            shingles.setFillerToken(FILLER);
            return new TokenStreamComponents(source, shingles);
        }
    };

    /** A word or phrase found in a text: its key (sorted stems), the stems, and how it was written. */
    public record Term(String key, int stemCount, String surface, String[] parts, boolean exact) {
    }

    /**
     * The distinct terms of one text, keyed by their stems. A three-word phrase also yields its
     * first and last word as a pair, so a word in between ("communicating clearly with
     * stakeholders") does not hide a pairing.
     */
    public Map<String, Term> terms(String text) {
        Map<String, Term> terms = new LinkedHashMap<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            String[] stems = new String[3];
            while (stream.incrementToken()) {
                int count = stemsOf(term.buffer(), term.length(), stems);
                if (count == 0) {
                    continue;
                }
                int start = offset.startOffset();
                int end = offset.endOffset();
                String surface = start >= 0 && end <= text.length() && start < end
                        ? text.substring(start, end).toLowerCase(Locale.ROOT) : null;
                add(terms, stems, count, surface, true);
                if (count == 3) {
                    // Labelled with the whole phrase, unless the pair also occurs side by side somewhere.
                    add(terms, new String[] {stems[0], stems[2]}, 2, surface, false);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The sorted stems of a short phrase, e.g. a declared skill, comparable with {@link Term#key}. */
    public TreeSet<String> stems(String phrase) {
        TreeSet<String> stems = new TreeSet<>();
        for (Term term : terms(phrase).values()) {
            if (term.stemCount() == 1) {
                stems.add(term.key());
            }
        }
        return stems;
    }

    /**
     * Removed stop words leave position gaps, which would keep "communicate" and "stakeholders" in
     * "communicate with stakeholders" out of one phrase; in notes they belong together.
     */
    private static final class CloseStopWordGaps extends TokenFilter {
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

        CloseStopWordGaps(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (position.getPositionIncrement() > 1) {
                position.setPositionIncrement(1);
            }
            return true;
        }
    }

    /** Splits a shingle into its distinct stems, skipping fillers; returns how many. */
    private static int stemsOf(char[] buffer, int length, String[] stems) {
        int count = 0;
        int from = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || buffer[i] == ' ') {
                if (i > from && !(i - from == 1 && buffer[from] == '_')) {
                    String stem = new String(buffer, from, i - from);
                    boolean seen = false;
                    for (int s = 0; s < count; s++) {
                        seen |= stems[s].equals(stem);
                    }
                    if (!seen && count < stems.length) {
                        stems[count++] = stem;
                    }
                }
                from = i + 1;
            }
        }
        return count;
    }

    private static void add(Map<String, Term> terms, String[] stems, int count, String surface, boolean exact) {
        String key;
        String[] parts;
        if (count == 1) {
            key = stems[0];
            parts = new String[0];
        } else {
            String[] sorted = Arrays.copyOf(stems, count);
            Arrays.sort(sorted);
            if (count == 2) {
                key = sorted[0] + ' ' + sorted[1];
                parts = sorted;
            } else {
                key = sorted[0] + ' ' + sorted[1] + ' ' + sorted[2];
                parts = new String[] {sorted[0], sorted[1], sorted[2], sorted[0] + ' ' + sorted[1],
                        sorted[0] + ' ' + sorted[2], sorted[1] + ' ' + sorted[2]};
            }
        }
        Term existing = terms.get(key);
        if (existing == null || (!existing.exact() && exact)) {
            terms.put(key, new Term(key, count, surface, parts, exact));
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of("i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "they",
                "them", "it's", "its", "do", "does", "did", "doing", "have", "has", "had", "having", "can", "could",
                "should", "would", "may", "might", "must", "shall", "am", "been", "being", "were", "about", "from",
                "more", "most", "very", "so", "what", "when", "where", "why", "how", "who", "whom", "which", "than",
                "too", "also", "just", "only", "don't", "get", "gets", "got", "all", "any", "some", "out", "up",
                "over", "really", "lot", "lots", "thing", "things", "much", "many", "like", "said", "says", "say",
                "told", "tell", "think", "thinks", "well", "way", "every", "each", "always", "often", "other",
                "others", "own", "same", "because", "while", "both", "few", "here", "there", "those", "again",
                "after", "before", "once", "during", "until", "through", "between", "even", "still", "yet",
                "something", "anything", "everything", "someone", "anyone", "everyone", "one", "ones", "actually",
                "basically", "important", "key", "need", "needs", "needed", "want", "wants", "make", "makes",
                "mentioned", "mentions", "across", "around", "within", "without", "among", "toward", "towards", "upon",
                "via", "per", "since", "lately", "recommend", "recommends", "suggested", "suggests", "use", "using"));
        return CharArraySet.unmodifiableSet(words);
    }
}
