package io.rapport.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a store file's dead space back when the store opens. H2 writes every commit as a new chunk, and with its
 * background compaction off (see {@link IndexedH2Backend#open}) a chunk's space is reused only once every page in it
 * is dead, so a file that took many updates holds far more than its live data (the data-path benchmark's seeding
 * left 16-17 GB). When most of a file of at least {@link #MIN_BYTES} is dead, its live maps are copied, entry by
 * entry with each map's own types, into a new file that then replaces it in one rename.
 *
 * <p>Nothing is lost if the process stops half-way: the original file is untouched until the rename, and a copy
 * left behind is deleted and made again at the next start.
 */
final class StoreFileCompaction {

    private static final Logger log = LoggerFactory.getLogger(StoreFileCompaction.class);

    /** How the log line that starts a compaction begins (the launcher waits longer for a store that prints it). */
    static final String STARTED = "Compacting ";

    /** Below this a file is left as it is: its dead space costs less than the copy's time at start-up. */
    static final long MIN_BYTES = 64L * 1024 * 1024;
    /** Compacted when less than this share (%) of the file's chunk data is live. */
    static final int MAX_LIVE_PERCENT = 50;

    private StoreFileCompaction() {
    }

    /** Compacts the file if it is large and mostly dead; returns whether it did. */
    static boolean compactIfSparse(Path file) {
        return compactIfSparse(file, MIN_BYTES);
    }

    static boolean compactIfSparse(Path file, long minBytes) {
        Path copy = file.resolveSibling(file.getFileName() + ".compacting");
        try {
            Files.deleteIfExists(copy);
            long before = Files.exists(file) ? Files.size(file) : 0;
            if (before < minBytes) {
                return false;
            }
            long started = System.nanoTime();
            try (MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
                int live = source.getFileStore().getChunksFillRate();
                if (live >= MAX_LIVE_PERCENT) {
                    return false;
                }
                log.info(STARTED + "{}: {} MB, {} % live", file, before >> 20, live);
                try (MVStore target = new MVStore.Builder().fileName(copy.toString()).autoCommitDisabled().open()) {
                    for (String name : source.getMapNames()) {
                        copyMap(source, target, name);
                    }
                    target.commit();
                }
            }
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Compacted {}: {} MB -> {} MB in {} ms", file, before >> 20, Files.size(file) >> 20,
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not compact " + file, e);
        }
    }

    /** Every map with the types it is opened with: documents and index maps with this module's types, the rest H2's. */
    private static void copyMap(MVStore source, MVStore target, String name) {
        MVMap<Object, Object> from = source.openMap(name, builderFor(name));
        MVMap<Object, Object> to = target.openMap(name, builderFor(name));
        Cursor<Object, Object> entries = from.cursor(null);
        int sinceCommit = 0;
        while (entries.hasNext()) {
            Object key = entries.next();
            to.put(key, entries.getValue());
            // Bounded memory for a map of any size: unsaved pages are written out as the copy goes.
            if (++sinceCommit == 10_000) {
                target.commit();
                sinceCommit = 0;
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap.Builder<Object, Object> builderFor(String name) {
        if (name.contains(IndexedDatabase.UNIQUE_INDEX_MAP)) {
            return (MVMap.Builder) new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeys());
        }
        if (name.contains(IndexedDatabase.SECONDARY_INDEX_MAP)) {
            return (MVMap.Builder) new MVMap.Builder<List<Object>, Object>().keyType(new IndexEntries());
        }
        if (name.startsWith(IndexedDatabase.DOCUMENTS_MAP)) {
            return new MVMap.Builder<>().valueType(new StoredDocuments());
        }
        return new MVMap.Builder<>();
    }
}
