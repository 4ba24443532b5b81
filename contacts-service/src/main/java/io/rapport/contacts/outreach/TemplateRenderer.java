package io.rapport.contacts.outreach;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Fills a template's placeholders; one without a value is reported and kept as written, never blanked. */
public final class TemplateRenderer {

    private TemplateRenderer() {
    }

    public record Rendered(String text, List<String> missing) {
    }

    public static Rendered render(String body, Map<Placeholder, String> values) {
        Map<Placeholder, String> known = new EnumMap<>(Placeholder.class);
        values.forEach((placeholder, value) -> {
            if (value != null && !value.isBlank()) {
                known.put(placeholder, value.strip());
            }
        });
        Set<String> missing = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder();
        Matcher matcher = Template.PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = Placeholder.byKey(key).map(known::get).orElse(null);
            if (value == null) {
                missing.add(key);
                matcher.appendReplacement(text, Matcher.quoteReplacement("{{" + key + "}}"));
            } else {
                matcher.appendReplacement(text, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(text);
        return new Rendered(text.toString(), new ArrayList<>(missing));
    }
}
