package io.rapport.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.function.Supplier;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** An H2-backed database whose collections choose indexes as MongoDB does and keep secondary indexes. */
final class IndexedDatabase extends H2Database {

    /** In the names of a unique index's map (mongo-java-server's naming, kept) and of a secondary index's map. */
    static final String UNIQUE_INDEX_MAP = "._index_";
    static final String SECONDARY_INDEX_MAP = "._secondary_";
    /** How the name of a collection's documents map begins (H2Database's naming, kept). */
    static final String DOCUMENTS_MAP = "databases.";

    /**
     * H2Database opens its existing collections from its constructor, before this class's fields are set;
     * the store and the scan record reach those first calls through here.
     */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private record Opening(MVStore store, Supplier<FullScans> fullScans) {
    }

    /**
     * The leading {@code $match} of the aggregation being run on this thread: mongo-java-server feeds a pipeline
     * from an unconditional read of the collection, which the collection narrows with this (MongoDB likewise
     * answers a leading $match from an index; the stage itself still filters).
     */
    private static final ThreadLocal<Document> AGGREGATION_MATCH = new ThreadLocal<>();

    private final MVStore store;
    private final Supplier<FullScans> fullScans;

    private IndexedDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry,
            Supplier<FullScans> fullScans) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        this.fullScans = fullScans;
    }

    static IndexedDatabase open(String databaseName, MVStore store, CursorRegistry cursorRegistry,
            Supplier<FullScans> fullScans) {
        OPENING.set(new Opening(store, fullScans));
        try {
            return new IndexedDatabase(databaseName, store, cursorRegistry, fullScans);
        } finally {
            OPENING.remove();
        }
    }

    /**
     * Each command runs with its version of the file registered as in use, as H2's own transactions do: a read
     * walks the maps' pages from the root it started with, and without the registration H2 may free a chunk
     * those pages sit in once newer versions no longer use it (every page rewritten since, or moved by compaction).
     * Found at the data-path benchmark's volumes: a count of 100,000 contacts failed with "Chunk … not found".
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        Document match = "aggregate".equalsIgnoreCase(command) ? leadingMatch(query.get("pipeline")) : null;
        if (match != null) {
            AGGREGATION_MATCH.set(match);
        }
        MVStore.TxCounter inUse = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, command, query, resolver, oplog);
        } finally {
            AGGREGATION_MATCH.remove();
            store.deregisterVersionUsage(inUse);
        }
    }

    private static Document leadingMatch(Object pipeline) {
        if (pipeline instanceof List<?> stages && !stages.isEmpty() && stages.getFirst() instanceof Document first
                && first.get("$match") instanceof Document match && !match.isEmpty()) {
            return match;
        }
        return null;
    }

    /** The leading $match of the aggregation running on this thread, if any. */
    static Document aggregationMatch() {
        return AGGREGATION_MATCH.get();
    }

    FullScans fullScans() {
        return fullScans != null ? fullScans.get() : OPENING.get().fullScans().get();
    }

    /** The file's store, also during H2Database's constructor (see {@link #OPENING}). */
    private MVStore mvStore() {
        return store != null ? store : OPENING.get().store();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = mvStore();
        String fullName = getFullCollectionNamespace(collectionName);
        // The same map names as H2Database, so a data folder written before keeps working; documents kept as BSON.
        return new IndexedCollection(this, collectionName, options, mvStore.openMap(DOCUMENTS_MAP + fullName,
                new MVMap.Builder<Object, Document>().valueType(new StoredDocuments())),
                mvStore.openMap("meta." + fullName), cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore mvStore = mvStore();
        // H2Database's map name (a data folder written before keeps its indexes), H2's key format, a faster lookup.
        MVMap<KeyValue, Object> map = mvStore.openMap(getFullCollectionNamespace(collectionName) + UNIQUE_INDEX_MAP + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeys()));
        return new UniqueIndex(map, indexName, keys, sparse, IndexedDatabase::positionOf);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore mvStore = mvStore();
        // Beside the unique indexes' maps, so dropping the database (maps named "<database>.…") drops it too.
        return new SecondaryIndex(indexName, keys, sparse, IndexedDatabase::positionOf, SecondaryIndex.openEntries(
                mvStore, getFullCollectionNamespace(collectionName) + SECONDARY_INDEX_MAP + indexName));
    }

    /** H2Collection keys its documents by _id. */
    private static Object positionOf(Document document) {
        return document.get("_id");
    }
}
