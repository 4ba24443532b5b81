package io.rapport.contacts.contacts;

import io.rapport.contacts.employers.TargetEmployer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How diverse the member's pool is: counts of the contacts (archived ones left out) by industry,
 * employer, role and career stage (a contact's industry is its own, or else its linked target employer's),
 * and a warning for every known value that holds more than half
 * of the pool. Contacts without a value count under "unknown", which is never warned about. A pool
 * of fewer than {@value #MIN_POOL_FOR_WARNINGS} contacts gets no warnings: any value is "half" of it.
 */
public record PoolCoverage(int poolSize, Map<String, Map<String, Integer>> counts, List<Warning> warnings) {

    public static final int MIN_POOL_FOR_WARNINGS = 3;
    public static final String UNKNOWN = "unknown";

    public record Warning(String dimension, String value, int count, String message) {
    }

    public static PoolCoverage of(List<Contact> contacts) {
        return of(contacts, List.of());
    }

    /**
     * @param employers the member's target employers: a contact linked to one and without an industry of its
     *     own counts under the employer's industry
     */
    public static PoolCoverage of(List<Contact> contacts, List<TargetEmployer> employers) {
        List<Contact> pool = contacts.stream().filter(contact -> !contact.isArchived()).toList();
        Map<String, String> industryOfEmployer = new HashMap<>();
        employers.forEach(employer -> {
            if (employer.industry() != null) {
                industryOfEmployer.put(employer.id(), employer.industry());
            }
        });
        Map<String, Function<ContactDetails, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("industry", details -> details.industryOr(industryOfEmployer::get));
        dimensions.put("employer", ContactDetails::employer);
        dimensions.put("role", ContactDetails::role);
        dimensions.put("careerStage", details -> details.careerStage() == null ? null : details.careerStage().name());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        dimensions.forEach((dimension, value) -> {
            // Values differing only in case or spacing are one value ("Google" and "google ").
            Map<String, String> shown = new LinkedHashMap<>();
            Map<String, Integer> byKey = new LinkedHashMap<>();
            for (Contact contact : pool) {
                String raw = value.apply(contact.details());
                String key = raw == null ? UNKNOWN : ContactDetails.fold(raw);
                shown.putIfAbsent(key, raw == null ? UNKNOWN : raw);
                byKey.merge(key, 1, Integer::sum);
            }
            Map<String, Integer> ordered = byKey.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .collect(Collectors.toMap(entry -> shown.get(entry.getKey()), Map.Entry::getValue, Integer::sum,
                            LinkedHashMap::new));
            counts.put(dimension, ordered);
            if (pool.size() >= MIN_POOL_FOR_WARNINGS) {
                byKey.forEach((key, count) -> {
                    if (!key.equals(UNKNOWN) && count * 2 > pool.size()) {
                        warnings.add(new Warning(dimension, shown.get(key), count, "diversify the pool: " + count
                                + " of " + pool.size() + " contacts share " + dimension + " " + shown.get(key)));
                    }
                });
            }
        });
        warnings.sort(Comparator.comparing(Warning::dimension));
        return new PoolCoverage(pool.size(), counts, warnings);
    }
}
