package io.rapport.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A non-unique index: what MongoDB's B-tree index gives a query and mongo-java-server does not (it ignores
 * non-unique indexes, so every query they were meant for scans the collection).
 *
 * <p>An entry is the document's key values followed by its position, so equal keys stay distinct and
 * ordered. A query is answered from the entries whose leading keys equal the query's values, optionally
 * narrowed by a range on the next key; the collection still applies the whole query to the documents it
 * reads, so the index only has to return a superset.
 *
 * <p>The entries live in an H2 map of the same file as the documents, read through H2's page cache: kept in
 * the heap instead (a sorted set, as before), the indexes of one school's data — 100,000 contacts, 200,000
 * reminders — held a million entries, filled the store's heap and kept it collecting garbage at 100 % of a
 * core (found by {@code jcmd <store pid> GC.class_histogram} during {@code ./rapport bench data-path}), and
 * were rebuilt from every document at each start. The map also keeps one marker entry (the empty list, first
 * in the order) once the index has been filled: mongo-java-server fills an index it finds empty when the
 * collection opens, so a data folder written before this kept no entries and is indexed once, on its first
 * start.
 */
final class SecondaryIndex extends Index<Object> {

    /** Marks an index filled; sorts before every entry, which holds at least one key and the position. */
    private static final List<Object> FILLED = List.of();
    private static final Object PRESENT = Boolean.TRUE;

    private final Function<Document, Object> positionOf;
    private final MVMap<List<Object>, Object> entries;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Function<Document, Object> positionOf,
            MVMap<List<Object>, Object> entries) {
        super(name, keys, sparse);
        this.positionOf = positionOf;
        this.entries = entries;
    }

    /** The map this index keeps its entries in, opened with the right key type. */
    static MVMap<List<Object>, Object> openEntries(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<List<Object>, Object>().keyType(new IndexEntries()));
    }

    /** Called once mongo-java-server has added every document of the collection (see {@link #isEmpty}). */
    void markFilled() {
        entries.putIfAbsent(FILLED, PRESENT);
    }

    /** "Empty" to mongo-java-server means "fill me from the collection": only until that has been done once. */
    @Override
    public boolean isEmpty() {
        return !entries.containsKey(FILLED);
    }

    /** How well this index answers {@code query}, or null if it cannot narrow it at all. */
    QueryPlan plan(Document query) {
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
                positionsBetween(ranges.get(r), ranges.get(r + 1)).forEach(positions::add);
            }
            return positions;
        });
    }

    /** The positions of the entries from {@code from} to {@code to}, read from the map as they are used. */
    private Iterable<Object> positionsBetween(List<Object> from, List<Object> to) {
        if (IndexOrder.ENTRIES.compare(from, to) > 0) {
            return List.of();
        }
        return () -> positions(entries.keyIterator(from), to);
    }

    private Iterable<Object> allPositions() {
        return () -> positions(entries.keyIterator(null), null);
    }

    /** Up to {@code last} (inclusive; null: to the end), each position once. */
    private static Iterator<Object> positions(Iterator<List<Object>> keys, List<Object> last) {
        // A document with an array value has an entry per element: each position once.
        Set<Object> seen = new HashSet<>();
        return new Iterator<>() {
            private Object next = advance();

            private Object advance() {
                while (keys.hasNext()) {
                    List<Object> entry = keys.next();
                    if (last != null && IndexOrder.ENTRIES.compare(entry, last) > 0) {
                        return null;
                    }
                    if (!entry.isEmpty() && seen.add(positionOfEntry(entry))) {
                        return positionOfEntry(entry);
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object current = next;
                next = advance();
                return current;
            }
        };
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
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        return UnchangedKeys.provenSame(keys(), oldDocument, newDocument)
                || super.nullAwareEqualsKeys(oldDocument, newDocument);
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
            entriesOf(document, position).forEach(entry -> entries.put(entry, PRESENT));
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
    public long getCount() {
        return entries.sizeAsLong() - (isEmpty() ? 0 : 1);
    }

    @Override
    public long getDataSize() {
        return getCount();
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
