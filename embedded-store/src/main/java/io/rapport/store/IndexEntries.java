package io.rapport.store;

import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a secondary index's map: an entry is the document's key values then its position, ordered as
 * {@link SecondaryIndex.IndexOrder} orders them (MongoDB's value order, key by key). Each value is written with
 * H2's own format for common values (strings, numbers, dates, booleans, null: no Java serialization for those),
 * anything else as H2 writes values it has no type for; mongo-java-server's "missing field" as a tag of its own, and
 * its dates ({@link Instant}, which H2 has no type for) as milliseconds, as BSON keeps them: written by Java
 * serialization, writing entries took 4 % of the store's CPU while 10,000 reminders fell due (JFR on the store).
 * Entries written before with a serialized date still read.
 */
final class IndexEntries extends BasicDataType<List<Object>> {

    private static final byte VALUE = 0;
    private static final byte MISSING = 1;
    private static final byte DATE = 2;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(List<Object> a, List<Object> b) {
        return SecondaryIndex.IndexOrder.ENTRIES.compare(a, b);
    }

    /** An estimate for H2's cache: the list, and per value a reference plus the value (strings by length). */
    @Override
    public int getMemory(List<Object> entry) {
        int memory = 32;
        for (Object value : entry) {
            memory += value instanceof String text ? 48 + text.length() : 24;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buff, List<Object> entry) {
        buff.putVarInt(entry.size());
        for (Object value : entry) {
            if (value instanceof Missing) {
                buff.put(MISSING);
            } else if (value instanceof Instant date && date.getNano() % 1_000_000 == 0) {
                buff.put(DATE).putLong(date.toEpochMilli());
            } else {
                buff.put(VALUE);
                values.write(buff, value);
            }
        }
    }

    @Override
    public List<Object> read(ByteBuffer buff) {
        Object[] entry = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = switch (buff.get()) {
                case MISSING -> Missing.getInstance();
                case DATE -> Instant.ofEpochMilli(buff.getLong());
                default -> values.read(buff);
            };
        }
        return Arrays.asList(entry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Object>[] createStorage(int size) {
        return new List[size];
    }
}
