package io.rapport.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of a collection's documents map: each document kept as its BSON, as MongoDB keeps it, instead of
 * H2's default for a type it does not know, the document's Java serialization. H2 writes every document of a page
 * each time it writes the page (a change to one document rewrites its neighbours too) and reads them all back when
 * the page leaves its cache, so that serialization was a quarter of the store's CPU under load (JFR on the store
 * during {@code ./rapport bench data-path}'s pipeline step: {@code ObjectOutputStream} 15.8 %,
 * {@code ObjectInputStream} 8.9 % of its samples).
 *
 * <p>Files written before still read: a value is BSON only if it starts with {@link #BSON}, a tag H2's own format
 * never uses (its tags end at 119); anything else is read as H2 reads it, and written as BSON the next time its page
 * is written. A document holding a value BSON has no form for (none reaches the store from the wire) is written as
 * H2 would.
 */
final class StoredDocuments extends ObjectDataType {

    static final byte BSON = (byte) 0xB5;

    /**
     * A decoded document takes a few times its BSON in memory (a map entry, a key string and a boxed value per field);
     * H2 sizes its page cache by what {@link #getMemory} says.
     */
    private static final int MEMORY_PER_BSON_BYTE = 3;

    /** A running average of the BSON written and read, for {@link #getMemory} (H2 asks for every value it caches). */
    private volatile int averageBsonBytes = 512;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(averageBsonBytes * 2);
            try {
                if (encode(document, bson)) {
                    int length = bson.readableBytes();
                    buff.put(BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
                    remember(length);
                    return;
                }
            } finally {
                bson.release();
            }
        }
        super.write(buff, obj);
    }

    /**
     * False if a value has no BSON form. Queries hand out copies, so nothing should change a stored document while it
     * is encoded ({@link IndexedCollection#matchDocumentsFromStream}); should anything still, the document is encoded
     * again, and after a few tries left to H2's own format rather than fail the write, which would close the store:
     * the page being written is an older version, and the changed document is written again with its new version.
     */
    private static boolean encode(Document document, ByteBuf bson) {
        for (int attempt = 0; attempt < 3; attempt++) {
            bson.clear();
            try {
                BsonEncoder.encodeDocument(document, bson);
                return true;
            } catch (IllegalArgumentException noBsonForm) {
                return false;
            } catch (ConcurrentModificationException changedMeanwhile) {
                Thread.onSpinWait();
            }
        }
        return false;
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        Document document = BsonDecoder.decodeBson(bson);
        buff.position(buff.position() + length);
        remember(length);
        return document;
    }

    /** A document's size as BSON (what MongoDB counts in a collection's size), as it is written; 0 if it has none. */
    static int bsonSize(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            return encode(document, bson) ? bson.readableBytes() : 0;
        } finally {
            bson.release();
        }
    }

    private void remember(int bsonBytes) {
        averageBsonBytes = (bsonBytes + 15 * averageBsonBytes) / 16;
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageBsonBytes * MEMORY_PER_BSON_BYTE : super.getMemory(obj);
    }
}
