package io.rapport.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend (one MVStore file, or memory) with indexes that answer queries as MongoDB's
 * would, so cost follows what a query asks rather than what is stored. Queries still answered by a scan are
 * in {@link #fullScans()}.
 */
public final class IndexedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    private FullScans fullScans;

    private IndexedH2Backend(MVStore store) {
        super(store);
    }

    /**
     * H2's page cache, in MB (its default is 16): documents and indexes are read through it, so at one school's
     * volumes (the data-path benchmark: 100,000 contacts, 200,000 reminders) the pages a member's calls touch stay
     * decoded in memory. Well within the store process's heap (launcher: {@code MongoWireServer.HEAP}).
     */
    static final int CACHE_MB = 64;

    /**
     * Opens (or creates) the file. H2's background compaction (rewriting the live pages of sparse chunks elsewhere)
     * is off: at the data-path benchmark's volumes it left the contacts map pointing at a chunk it had dropped
     * ("Chunk … not found" on every later read of those documents, the file at 13.5 GB), a known H2 2.4 defect
     * (h2database issues #4247 and #4382). Chunks whose pages are all dead are still freed and their space reused,
     * and a file mostly dead is compacted by a copy before it is opened ({@link StoreFileCompaction}).
     */
    public static IndexedH2Backend open(String file) {
        StoreFileCompaction.compactIfSparse(java.nio.file.Path.of(file));
        return new IndexedH2Backend(new MVStore.Builder().fileName(file).cacheSize(CACHE_MB).autoCompactFillRate(0)
                // A failure in H2's background writer closes the store; without this it would leave no trace in the log.
                .backgroundExceptionHandler((thread, e) -> log.error("The store failed in {}", thread.getName(), e))
                .open());
    }

    public static IndexedH2Backend inMemory() {
        return new IndexedH2Backend(MVStore.open(null));
    }

    public synchronized FullScans fullScans() {
        // Created on first use: H2Backend opens existing databases from its constructor, before fields are set.
        if (fullScans == null) {
            fullScans = new FullScans();
        }
        return fullScans;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedDatabase.open(databaseName, getMvStore(), getCursorRegistry(), this::fullScans);
    }
}
