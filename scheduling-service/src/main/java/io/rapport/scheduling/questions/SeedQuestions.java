package io.rapport.scheduling.questions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The questions every member's bank starts with, read once from {@code questions/seed-questions.tsv}. */
public final class SeedQuestions {

    private static final List<Question> ALL = load();

    private SeedQuestions() {
    }

    public static List<Question> all() {
        return ALL;
    }

    private static List<Question> load() {
        try (InputStream in = SeedQuestions.class.getResourceAsStream("/questions/seed-questions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("questions/seed-questions.tsv is missing from the classpath");
            }
            List<Question> questions = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 4) {
                    throw new IllegalStateException("A seed question needs 4 tab-separated columns: " + line);
                }
                questions.add(new Question("seed-" + (questions.size() + 1), null, columns[3].strip(),
                        QuestionCategory.valueOf(columns[0]), "-".equals(columns[1]) ? null : TiaraStep.valueOf(columns[1]),
                        columns[2]));
            }
            return List.copyOf(questions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
