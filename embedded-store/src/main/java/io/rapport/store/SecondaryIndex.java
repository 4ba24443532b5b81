package io.rapport.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A non-unique index, kept sorted in memory: what MongoDB's B-tree index gives a query and mongo-java-server
 * does not (it ignores non-unique indexes, so every query they were meant for scans the collection).
 *
 * <p>An entry is the document's key values followed by its position, so equal keys stay distinct and
 * ordered. A query is answered from the entries whose leading keys equal the query's values, optionally
 * narrowed by a range on the next key; the collection still applies the whole query to the documents it
 * reads, so the index only has to return a superset. It is rebuilt from the documents when the store opens
 * (mongo-java-server fills an empty index on {@code addIndex}).
 */
final class SecondaryIndex extends Index<Object> {

    private final Function<Document, Object> positionOf;
    private final NavigableSet<List<Object>> entries = new TreeSet<>(IndexOrder.ENTRIES);

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Function<Document, Object> positionOf) {
        super(name, keys, sparse);
        this.positionOf = positionOf;
    }

    /** How well this index answers {@code query}, or null if it cannot narrow it at all. */
    synchronized QueryPlan plan(Document query) {
        List<String> keys = keys();
        List<Object> equal = new ArrayList<>();
        int i = 0;
        while (i < keys.size() && QueryValues.isEquality(query.get(keys.get(i)))) {
            equal.add(QueryValues.normalize(QueryValues.equalityValue(query.get(keys.get(i)))));
            i++;
        }
        if (i < keys.size() && QueryValues.isIn(query.get(keys.get(i)))) {
            return inPlan(equal, (java.util.Collection<?>) ((Document) query.get(keys.get(i))).get("$in"));
        }
        Range range = i < keys.size() ? Range.of(query.get(keys.get(i))) : null;
        if (equal.isEmpty() && range == null) {
            // {field: {$exists: true}} on a sparse index: exactly the indexed documents (e.g. pending outboxes).
            if (isSparse() && QueryValues.isExistsTrue(query.get(keys.get(0)))) {
                return new QueryPlan(getName(), 1, this::allPositions, Set.of(), orderAfter(0));
            }
            return null;
        }
        int score = equal.size() * 10 + (range != null ? 5 : 0);
        List<Object> from = new ArrayList<>(equal);
        List<Object> to = new ArrayList<>(equal);
        if (range != null) {
            range.appendLower(from);
            range.appendUpper(to);
        } else {
            from.add(IndexOrder.LOW);
            to.add(IndexOrder.HIGH);
        }
        Set<String> fixed = Set.copyOf(keys.subList(0, equal.size()));
        return new QueryPlan(getName(), score, () -> positionsBetween(from, to), fixed, orderAfter(equal.size()));
    }

    /** The keys the entries are ordered by once the first {@code fixed} keys are equal, then _id (the position). */
    private List<String> orderAfter(int fixed) {
        List<String> order = new ArrayList<>(keys().subList(fixed, keys().size()));
        order.add("_id");
        return order;
    }

    /** Equal leading keys, then one of several values on the next key: one range per value. */
    private QueryPlan inPlan(List<Object> equal, java.util.Collection<?> values) {
        List<List<Object>> ranges = new ArrayList<>();
        for (Object value : values) {
            List<Object> from = new ArrayList<>(equal);
            from.add(QueryValues.normalize(value));
            List<Object> to = new ArrayList<>(from);
            from.add(IndexOrder.LOW);
            to.add(IndexOrder.HIGH);
            ranges.add(from);
            ranges.add(to);
        }
        return QueryPlan.unordered(getName(), equal.size() * 10 + 8, () -> {
            java.util.Set<Object> positions = new java.util.LinkedHashSet<>();
            for (int r = 0; r < ranges.size(); r += 2) {
                positions.addAll(positionsBetween(ranges.get(r), ranges.get(r + 1)));
            }
            return positions;
        });
    }

    private synchronized List<Object> positionsBetween(List<Object> from, List<Object> to) {
        if (IndexOrder.ENTRIES.compare(from, to) > 0) {
            return List.of();
        }
        // distinct: a document with an array value has an entry per element
        return entries.subSet(from, true, to, true).stream().map(SecondaryIndex::positionOfEntry).distinct().toList();
    }

    private synchronized List<Object> allPositions() {
        return entries.stream().map(SecondaryIndex::positionOfEntry).distinct().toList();
    }

    private static Object positionOfEntry(List<Object> entry) {
        return entry.get(entry.size() - 1);
    }

    private boolean skips(Document document) {
        return isSparse() && keys().stream().allMatch(key -> QueryValues.isMissing(document, key));
    }

    private List<List<Object>> entriesOf(Document document, Object position) {
        Set<KeyValue> keyValues = getKeyValues(document);
        List<List<Object>> result = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            List<Object> entry = new ArrayList<>(keyValue.size() + 1);
            keyValue.forEach(entry::add);
            entry.add(position);
            result.add(entry);
        }
        return result;
    }

    @Override
    public Object getPosition(Document document) {
        // Positions are the unique _id index's to give; a secondary index never decides one.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!skips(document)) {
            entries.addAll(entriesOf(document, position));
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        if (skips(document)) {
            return null;
        }
        Object position = positionOf.apply(document);
        entriesOf(document, position).forEach(entries::remove);
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        if (nullAwareEqualsKeys(oldDocument, newDocument)) {
            return;
        }
        if (!skips(oldDocument)) {
            entriesOf(oldDocument, position).forEach(entries::remove);
        }
        add(newDocument, position, collection);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public boolean canHandle(Document query) {
        // Chosen by IndexedCollection through plan(), which knows the other indexes too.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        QueryPlan plan = plan(query);
        return plan == null ? List.of() : plan.positions().get();
    }

    @Override
    public synchronized long getCount() {
        return entries.size();
    }

    @Override
    public synchronized long getDataSize() {
        return entries.size();
    }

    @Override
    public synchronized void drop() {
        entries.clear();
    }

    /** A range on one key: {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, either side open. */
    private record Range(Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

        static Range of(Object queryValue) {
            if (!(queryValue instanceof Document condition) || condition.isEmpty()) {
                return null;
            }
            Object lower = null;
            Object upper = null;
            boolean lowerInclusive = true;
            boolean upperInclusive = true;
            for (var operator : condition.entrySet()) {
                Object value = QueryValues.normalize(operator.getValue());
                switch (operator.getKey()) {
                    case "$gt" -> { lower = value; lowerInclusive = false; }
                    case "$gte" -> lower = value;
                    case "$lt" -> { upper = value; upperInclusive = false; }
                    case "$lte" -> upper = value;
                    default -> {
                        return null;
                    }
                }
            }
            return new Range(lower, lowerInclusive, upper, upperInclusive);
        }

        void appendLower(List<Object> bound) {
            if (lower == null) {
                bound.add(IndexOrder.LOW);
            } else {
                bound.add(lower);
                bound.add(lowerInclusive ? IndexOrder.LOW : IndexOrder.HIGH);
            }
        }

        void appendUpper(List<Object> bound) {
            if (upper == null) {
                bound.add(IndexOrder.HIGH);
            } else {
                bound.add(upper);
                bound.add(upperInclusive ? IndexOrder.HIGH : IndexOrder.LOW);
            }
        }
    }

    /** Orders entries key by key in MongoDB's value order; LOW and HIGH bound a search. */
    static final class IndexOrder {

        static final Object LOW = new Object() {
            @Override
            public String toString() {
                return "LOW";
            }
        };
        static final Object HIGH = new Object() {
            @Override
            public String toString() {
                return "HIGH";
            }
        };

        private static final Comparator<Object> VALUES = de.bwaldvogel.mongo.backend.ValueComparator.asc();

        static final Comparator<List<Object>> ENTRIES = (a, b) -> {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };

        private IndexOrder() {
        }

        static int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a == LOW || b == HIGH) {
                return -1;
            }
            if (a == HIGH || b == LOW) {
                return 1;
            }
            return VALUES.compare(a, b);
        }
    }
}
