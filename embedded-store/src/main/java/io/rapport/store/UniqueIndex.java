package io.rapport.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVMap;

/**
 * A unique index kept in an H2 map, as mongo-java-server's {@code H2UniqueIndex} (whose constructor is not
 * visible here), over a map opened with {@link UniqueIndexKeys}.
 */
final class UniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;
    private final Function<Document, Object> positionOf;

    UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse,
            Function<Document, Object> positionOf) {
        super(name, keys, sparse);
        this.map = map;
        this.positionOf = positionOf;
    }

    /**
     * A stored document's position, asked by mongo-java-server for every index at every update (to check they agree):
     * the collection keys its documents by {@code _id}, so it is read off the document instead of looked up in this
     * index's map. The lookups were a page read each, and a miss of H2's cache each at the data-path benchmark's
     * volumes: a sixth of the store's time while 30,000 reminders fell due (JFR on the store, see docs/data-path.md).
     */
    @Override
    public Object getPosition(Document document) {
        Object position = positionOf.apply(document);
        return position != null ? position : super.getPosition(document);
    }

    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
        return UnchangedKeys.provenSame(keys(), oldDocument, newDocument)
                || super.nullAwareEqualsKeys(oldDocument, newDocument);
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
