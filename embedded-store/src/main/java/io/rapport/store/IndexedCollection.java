package io.rapport.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * A collection that picks the index MongoDB would: mongo-java-server only uses a unique index whose keys are
 * exactly the query's fields, so {@code {_id, tenantId, memberId}} or {@code {tenantId, memberId}} + a sort
 * read every document. Here a unique index answers any query that fixes all its keys (the rest of the query
 * is applied to that one document), and {@link SecondaryIndex} answers queries on a leading part of its keys.
 * What no index can answer is still answered, by a scan, and recorded in {@link FullScans}.
 */
final class IndexedCollection extends H2Collection {

    private static final String ID = "_id";

    /** How many documents {@code collStats} measures at most; a larger collection's size is extrapolated from them. */
    static final int SIZE_SAMPLE = 1_000;

    private final IndexedDatabase database;
    private final MVMap<Object, Document> documents;
    /** H2Collection's constructor logs the size (the argument is evaluated at any log level): not measured then. */
    private final boolean constructed;

    IndexedCollection(IndexedDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.database = database;
        this.documents = dataMap;
        this.constructed = true;
    }

    /**
     * The collection's size is not kept at every write: mongo-java-server kept it by encoding the document as BSON
     * before and after every update (and at each insert and delete) and writing the sum to the collection's meta map,
     * for {@code collStats} alone: about a twentieth of the store's update time (JFR). See {@link #getDataSize}.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /**
     * For {@code collStats} and {@code validate}, measured when asked: the BSON size of the documents, exact up to
     * {@link #SIZE_SAMPLE} documents, beyond that the first {@link #SIZE_SAMPLE} (in {@code _id} order) times the
     * count over them.
     */
    @Override
    protected int getDataSize() {
        if (!constructed) {
            return 0;
        }
        long count = count();
        long measured = 0;
        long bytes = 0;
        for (Document document : documents.values()) {
            if (measured == SIZE_SAMPLE) {
                break;
            }
            bytes += StoredDocuments.bsonSize(document);
            measured++;
        }
        return measured == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, bytes * count / measured);
    }

    /**
     * Every query hands out copies, never the stored objects: mongo-java-server updates the documents a query returned
     * in place (it removes and puts their fields, then stores them again), while H2 may be writing those very objects
     * to disk on its background thread, as part of a page of an older version. Written as BSON that race ended in a
     * ConcurrentModificationException that closed the store (the data-path benchmark's import); with Java
     * serialization it could write a document half-updated. The copy is shallow: an update replaces the fields'
     * values with new ones rather than changing them. Every query path of mongo-java-server ends here.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
            int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
        return super.matchDocumentsFromStream(query, documentStream.map(Document::new), numberToSkip, limit, batchSize,
                documentComparator, fieldSelector);
    }

    /** mongo-java-server fills an index it finds empty here; a secondary index remembers that it has been. */
    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof SecondaryIndex secondary) {
            secondary.markFilled();
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        // An aggregation reads the collection with an empty query; its leading $match says what it needs.
        Document planned = query.isEmpty() && IndexedDatabase.aggregationMatch() != null
                ? IndexedDatabase.aggregationMatch() : query;
        Optional<Collection<String>> named = idsNamedBy(planned);
        if (named.isPresent()) {
            Stream<Document> byId = named.get().stream().map(this::getDocument).filter(Objects::nonNull);
            return matchDocumentsFromStream(byId, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Optional<QueryPlan> plan = bestPlan(planned);
        if (plan.isPresent() && plan.get().provides(orderBy)) {
            // Already in order: read documents only until the limit is reached.
            Stream<Document> inOrder = StreamSupport.stream(plan.get().positions().get().spliterator(), false)
                    .map(this::getDocument);
            return matchDocumentsFromStream(inOrder, query, null, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (plan.isPresent()) {
            return matchDocuments(query, plan.get().positions().get(), orderBy, numberToSkip, limit, batchSize,
                    fieldSelector);
        }
        if (!FullScans.isSystem(getCollectionName())) {
            database.fullScans().record(getFullName(), planned);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The _ids a query fixes (one, or a list with $in), when they are strings: the documents map is keyed by _id, so
     * these documents are read from it directly. Through the {@code _id_} index it was two walks of a B-tree per
     * document, the index's only mapping the _id to itself: a quarter of the store's time in updates, which all
     * select by _id, while 30,000 reminders fell due (JFR on the store, see docs/data-path.md). Strings only, because
     * the index normalizes other values (1 and 1.0 are the same _id to it) and the map does not.
     */
    Optional<Collection<String>> idsNamedBy(Document query) {
        if (!ID.equals(getIdField())) {
            return Optional.empty();
        }
        Object condition = conjunction(query).get(ID);
        if (QueryValues.isEquality(condition) && QueryValues.equalityValue(condition) instanceof String id) {
            return Optional.of(List.of(id));
        }
        if (QueryValues.isIn(condition) && ((Document) condition).get("$in") instanceof Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            Set<String> ids = new LinkedHashSet<>();
            values.forEach(value -> ids.add((String) value));
            return Optional.of(ids);
        }
        return Optional.empty();
    }

    Optional<QueryPlan> bestPlan(Document query) {
        Document conditions = conjunction(query);
        return getIndexes().stream()
                .map(index -> plan(index, conditions))
                .filter(Objects::nonNull)
                .max(Comparator.comparingInt(QueryPlan::score));
    }

    /**
     * The query's conditions as one document, {@code $and} of documents flattened, for choosing an index only:
     * any one condition on a field selects a superset of what all of them select, and the documents read are
     * matched against the whole query afterwards.
     */
    static Document conjunction(Document query) {
        if (!(query.get("$and") instanceof List<?> parts)) {
            return query;
        }
        Document flat = new Document();
        query.forEach((key, value) -> {
            if (!key.equals("$and")) {
                flat.put(key, value);
            }
        });
        for (Object part : parts) {
            if (part instanceof Document condition) {
                conjunction(condition).forEach(flat::putIfAbsent);
            }
        }
        return flat;
    }

    private static QueryPlan plan(Index<Object> index, Document query) {
        if (index instanceof SecondaryIndex secondary) {
            return secondary.plan(query);
        }
        if (!index.isUnique() || query.isEmpty()) {
            return null;
        }
        if (index.canHandle(query)) {
            return QueryPlan.unordered(index.getName(), 1000, () -> index.getPositions(query));
        }
        // All keys fixed: at most one document, whatever else the query says. One key may list values ($in):
        // then one lookup per value.
        List<String> keys = index.getKeys().stream().map(key -> key.getKey()).toList();
        Document lookup = new Document();
        String listed = null;
        for (String key : keys) {
            Object value = query.get(key);
            if (QueryValues.isEquality(value)) {
                lookup.put(key, QueryValues.equalityValue(value));
            } else if (listed == null && QueryValues.isIn(value)) {
                listed = key;
            } else {
                return null;
            }
        }
        if (listed == null) {
            return index.canHandle(lookup) ? QueryPlan.unordered(index.getName(), 900, () -> index.getPositions(lookup))
                    : null;
        }
        String inKey = listed;
        List<?> values = List.copyOf((java.util.Collection<?>) ((Document) query.get(inKey)).get("$in"));
        return QueryPlan.unordered(index.getName(), 800, () -> {
            java.util.Set<Object> positions = new java.util.LinkedHashSet<>();
            for (Object value : values) {
                Document one = new Document(lookup);
                one.put(inKey, value);
                index.getPositions(one).forEach(positions::add);
            }
            return positions;
        });
    }
}
