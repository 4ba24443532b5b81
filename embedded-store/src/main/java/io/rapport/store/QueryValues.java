package io.rapport.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;

/** What a query asks of one field, as far as choosing an index goes. */
final class QueryValues {

    private QueryValues() {
    }

    /**
     * A plain value (or {@code {$eq: value}}) that an index can look up. Null is excluded: it also matches a
     * missing field, which a sparse index does not hold.
     */
    static boolean isEquality(Object queryValue) {
        if (queryValue instanceof Document condition) {
            return condition.size() == 1 && condition.containsKey("$eq") && isPlain(condition.get("$eq"));
        }
        return isPlain(queryValue);
    }

    static Object equalityValue(Object queryValue) {
        return queryValue instanceof Document condition ? condition.get("$eq") : queryValue;
    }

    static boolean isExistsTrue(Object queryValue) {
        return queryValue instanceof Document condition && condition.size() == 1
                && Boolean.TRUE.equals(condition.get("$exists"));
    }

    /** {@code {$in: [...]}} of plain values. */
    static boolean isIn(Object queryValue) {
        return queryValue instanceof Document condition && condition.size() == 1
                && condition.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(QueryValues::isPlain);
    }

    static boolean isMissing(Document document, String key) {
        Object value = document.get(key);
        if (key.contains(".")) {
            value = de.bwaldvogel.mongo.backend.Utils.getSubdocumentValue(document, key);
        }
        return value == null || value instanceof Missing;
    }

    /** The same normalization the index applies to stored values (numbers compare as numbers, -0 as 0). */
    static Object normalize(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document)
                && !(value instanceof Collection) && !BsonRegularExpression.isRegularExpression(value);
    }
}
