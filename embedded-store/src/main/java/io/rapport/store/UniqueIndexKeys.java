package io.rapport.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a unique index's map: H2's {@link ObjectDataType} (so a data folder written before reads the same
 * and the keys keep their order), with one change to how a key is looked up. H2 orders keys it has no type for, as
 * mongo-java-server's {@link KeyValue}, by their Java serialization, and serializes <em>both</em> keys at every
 * comparison of a binary search: profiled under load (JFR on the store, {@code ./rapport bench data-path --quick}),
 * a third of the store's request threads' CPU went to {@code ObjectOutputStream}. Here the key looked up is
 * serialized once per search; every comparison gives the result {@link ObjectDataType#compare} would.
 */
final class UniqueIndexKeys extends ObjectDataType {

    @Override
    public int binarySearch(Object key, Object storageObj, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storageObj, size, initialGuess);
        }
        Object[] storage = (Object[]) storageObj;
        byte[] serializedKey = null;
        int low = 0;
        int high = size - 1;
        // As BasicDataType.binarySearch: start from the guess (the last position found, plus one), else the middle.
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object stored = storage[x];
            int compare;
            if (stored != null && stored != key && stored.getClass() == key.getClass()) {
                if (serializedKey == null) {
                    serializedKey = serialize(key);
                }
                // ObjectDataType's order for two keys of one type it does not know (KeyValue is not Comparable).
                compare = compareNotNull(serializedKey, serialize(stored));
            } else {
                compare = compare(key, stored);
            }
            if (compare > 0) {
                low = x + 1;
            } else if (compare < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }
}
