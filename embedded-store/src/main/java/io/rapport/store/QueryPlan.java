package io.rapport.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An index's offer to answer a query: the higher the score, the fewer documents it reads. {@code order} is
 * the order the positions come in (the index keys after those the query fixes, then _id), so a query sorted
 * that way can stop reading at its limit, as MongoDB does with an index that provides the sort.
 */
record QueryPlan(String index, int score, Supplier<Iterable<Object>> positions, Set<String> fixed,
        List<String> order) {

    static QueryPlan unordered(String index, int score, Supplier<Iterable<Object>> positions) {
        return new QueryPlan(index, score, positions, Set.of(), List.of());
    }

    /** True if reading the positions in their order gives the documents in {@code orderBy}'s order. */
    boolean provides(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || order.isEmpty()) {
            return false;
        }
        int next = 0;
        for (var sort : orderBy.entrySet()) {
            if (fixed.contains(sort.getKey())) {
                continue;
            }
            if (!(sort.getValue() instanceof Number direction) || direction.intValue() != 1
                    || next >= order.size() || !order.get(next).equals(sort.getKey())) {
                return false;
            }
            next++;
        }
        return true;
    }
}
