package io.rapport.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend (one MVStore file, or memory) with indexes that answer queries as MongoDB's
 * would, so cost follows what a query asks rather than what is stored. Queries still answered by a scan are
 * in {@link #fullScans()}.
 */
public final class IndexedH2Backend extends H2Backend {

    private FullScans fullScans;

    private IndexedH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the file. */
    public static IndexedH2Backend open(String file) {
        return new IndexedH2Backend(MVStore.open(file));
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
