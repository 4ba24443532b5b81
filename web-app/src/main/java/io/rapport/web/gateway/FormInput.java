package io.rapport.web.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * What a member typed into a form, as the API's JSON: blank fields are left out (absent), whole-number fields are
 * sent as numbers when they are numbers and otherwise as typed, so the API's own message names the field ("must be a
 * whole number") rather than the page guessing. On a refusal the page is drawn again with {@link #keep} — everything
 * typed, and each field's message next to it.
 */
public final class FormInput {

    private FormInput() {
    }

    public static Map<String, Object> json(MultiValueMap<String, String> form, Set<String> fields, Set<String> wholeNumbers) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getFirst(field);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (wholeNumbers.contains(field)) {
                try {
                    json.put(field, Integer.valueOf(value.strip()));
                } catch (NumberFormatException notAWholeNumber) {
                    json.put(field, value);
                }
            } else {
                json.put(field, value);
            }
        }
        return json;
    }

    /** The form as typed, the field messages and the problem, for the page drawn again. */
    public static void keep(Model model, MultiValueMap<String, String> form, ApiProblem problem) {
        model.addAttribute("form", form.toSingleValueMap());
        model.addAttribute("errors", problem.fieldErrors());
        model.addAttribute("problem", problem);
    }
}
