package io.rapport.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every query the store answered by reading a whole collection, by namespace and query shape (the query
 * with its values left out). On real MongoDB each would be a COLLSCAN; here it decodes every document, so
 * cost grows with what is stored rather than with what is asked. Logged once per shape; tests read it.
 */
public final class FullScans {

    private static final Logger log = LoggerFactory.getLogger(FullScans.class);

    private final Map<String, AtomicLong> byShape = new ConcurrentHashMap<>();

    void record(String namespace, Document query) {
        String shape = namespace + " " + shape(query);
        AtomicLong count = byShape.computeIfAbsent(shape, key -> {
            log.warn("Full collection scan (no index answers it): {}", key);
            return new AtomicLong();
        });
        count.incrementAndGet();
    }

    /** Scans so far, by "database.collection {query shape}". */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byShape.forEach((shape, count) -> counts.put(shape, count.get()));
        return counts;
    }

    public long total() {
        return byShape.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void clear() {
        byShape.clear();
    }

    static String shape(Object value) {
        if (value instanceof Document document) {
            StringBuilder out = new StringBuilder("{");
            for (var entry : document.entrySet()) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(entry.getKey());
                if (entry.getKey().startsWith("$") || entry.getValue() instanceof Document
                        || entry.getValue() instanceof List) {
                    out.append(": ").append(shape(entry.getValue()));
                }
            }
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(item -> item instanceof Document).findFirst()
                    .map(item -> "[" + shape(item) + ", …]").orElse("[…]");
        }
        return "?";
    }

    static boolean isSystem(String collectionName) {
        return collectionName.startsWith("system.") || collectionName.equals("$cmd");
    }
}
