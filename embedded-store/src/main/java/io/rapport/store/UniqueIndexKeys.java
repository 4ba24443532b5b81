package io.rapport.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a unique index's map: H2's {@link ObjectDataType} (so a data folder written before reads the same
 * and the keys keep their order), without serializing the same key again and again. H2 orders keys it has no type
 * for, as mongo-java-server's {@link KeyValue}, by their Java serialization, and writes them to disk as that
 * serialization: it serialized <em>both</em> keys at every comparison of a binary search, and every key of a page
 * each time the page was written. Profiled under load (JFR on the store, {@code ./rapport bench data-path}),
 * {@code ObjectOutputStream} took a third, then (the key looked up serialized once per search) still 40 %, of the
 * store's CPU.
 *
 * <p>Here each key's serialized form is remembered beside the page that holds it: made once, when the page is read
 * from disk (the bytes are right there), written, or first compared, and found again by the identity of the page's
 * key array — H2 replaces that array when it changes a page, and each remembered form is checked against the key
 * object it was made from, so a changed key is never compared by a stale form. Pages H2 drops from its cache take
 * their remembered forms with them (weak keys). Every comparison gives the result {@link ObjectDataType#compare}
 * would, and every page is written and read byte for byte as H2 writes and reads it.
 */
final class UniqueIndexKeys extends ObjectDataType {

    /** H2's tag for a value kept as its Java serialization ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}). */
    private static final byte SERIALIZED = 19;

    /** Per page (its key array, by identity: arrays do not override equals), the forms made so far. */
    private final Map<Object[], Serialized[]> pages = Collections.synchronizedMap(new WeakHashMap<>());

    /** A search looks one key up in every page on its way down: that key is serialized once for all of them. */
    private final ThreadLocal<Serialized> lookedUp = new ThreadLocal<>();

    /** A key and its serialized form; immutable, so safe to hand between threads through a plain array. */
    private record Serialized(Object key, byte[] bytes) {
    }

    @Override
    public int binarySearch(Object key, Object storageObj, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storageObj, size, initialGuess);
        }
        Object[] storage = (Object[]) storageObj;
        Serialized[] forms = null;
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
                    serializedKey = lookedUpForm(key);
                    forms = formsOf(storage);
                }
                // ObjectDataType's order for two keys of one type it does not know (KeyValue is not Comparable).
                compare = compareNotNull(serializedKey, formAt(forms, storage, x));
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

    /** As H2 writes a page's keys (tag, length, serialized bytes), with the forms already made. */
    @Override
    public void write(WriteBuffer buff, Object storageObj, int len) {
        Object[] storage = (Object[]) storageObj;
        Serialized[] forms = null;
        for (int i = 0; i < len; i++) {
            if (storage[i] instanceof KeyValue) {
                if (forms == null) {
                    forms = formsOf(storage);
                }
                byte[] bytes = formAt(forms, storage, i);
                buff.put(SERIALIZED).putVarInt(bytes.length).put(bytes);
            } else {
                write(buff, storage[i]);
            }
        }
    }

    /** As H2 reads a page's keys, keeping the serialized bytes it reads for the comparisons to come. */
    @Override
    public void read(ByteBuffer buff, Object storageObj, int len) {
        Object[] storage = (Object[]) storageObj;
        Serialized[] forms = null;
        for (int i = 0; i < len; i++) {
            if (buff.get(buff.position()) != SERIALIZED) {
                storage[i] = read(buff);
                continue;
            }
            buff.get();
            byte[] bytes = new byte[DataUtils.readVarInt(buff)];
            buff.get(bytes);
            Object key = deserialize(bytes);
            storage[i] = key;
            if (key instanceof KeyValue) {
                if (forms == null) {
                    forms = formsOf(storage);
                }
                forms[i] = new Serialized(key, bytes);
            }
        }
    }

    private Serialized[] formsOf(Object[] storage) {
        return pages.computeIfAbsent(storage, page -> new Serialized[page.length]);
    }

    private static byte[] formAt(Serialized[] forms, Object[] storage, int index) {
        Object key = storage[index];
        Serialized known = index < forms.length ? forms[index] : null;
        if (known != null && known.key() == key) {
            return known.bytes();
        }
        byte[] bytes = serialize(key);
        if (index < forms.length) {
            forms[index] = new Serialized(key, bytes);
        }
        return bytes;
    }

    private byte[] lookedUpForm(Object key) {
        Serialized last = lookedUp.get();
        if (last != null && last.key() == key) {
            return last.bytes();
        }
        byte[] bytes = serialize(key);
        lookedUp.set(new Serialized(key, bytes));
        return bytes;
    }
}
