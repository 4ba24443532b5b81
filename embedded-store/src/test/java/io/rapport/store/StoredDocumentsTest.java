package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents are kept as BSON, read back equal, and a file written with H2's Java serialization still reads. */
class StoredDocumentsTest {

    private static final String MAP = IndexedDatabase.DOCUMENTS_MAP + "rapport-reminders.reminders";

    @Test
    void aDocumentWithEveryKindOfValueTheWireCarriesIsWrittenAsBsonAndReadBackEqual() {
        Document document = everyKind("r-1");
        WriteBuffer written = new WriteBuffer();
        new StoredDocuments().write(written, document);
        ByteBuffer bytes = written.getBuffer().flip();

        assertThat(bytes.get(0)).as("the BSON tag").isEqualTo(StoredDocuments.BSON);
        Object read = new StoredDocuments().read(bytes);
        assertThat(read).isEqualTo(document);
        assertThat(bytes.remaining()).as("exactly the value's bytes consumed").isZero();
    }

    @Test
    void aValueWithoutABsonFormIsWrittenAsH2WouldAndStillReadsBack() {
        Document odd = new Document("_id", "r-2").append("ratio", new java.math.BigDecimal("1.25"));
        WriteBuffer written = new WriteBuffer();
        new StoredDocuments().write(written, odd);
        ByteBuffer bytes = written.getBuffer().flip();

        assertThat(bytes.get(0)).isNotEqualTo(StoredDocuments.BSON);
        assertThat(new StoredDocuments().read(bytes)).isEqualTo(odd);
    }

    @Test
    void aFileWrittenWithJavaSerializationReadsAndIsRewrittenAsBson(@TempDir Path folder) {
        String file = folder.resolve("mongo.mv").toString();
        try (MVStore legacy = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> documents = legacy.openMap(MAP);
            for (int i = 0; i < 500; i++) {
                documents.put("r-" + i, everyKind("r-" + i));
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> documents = store.openMap(MAP,
                    new MVMap.Builder<Object, Document>().valueType(new StoredDocuments()));
            assertThat(documents.get("r-7")).isEqualTo(everyKind("r-7"));
            documents.put("r-7", everyKind("r-7").append("status", "DELIVERED"));
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, Document> documents = store.openMap(MAP,
                    new MVMap.Builder<Object, Document>().valueType(new StoredDocuments()));
            assertThat(documents).hasSize(500);
            assertThat(documents.get("r-7").get("status")).isEqualTo("DELIVERED");
            for (int i = 0; i < 500; i++) {
                if (i != 7) {
                    assertThat(documents.get("r-" + i)).isEqualTo(everyKind("r-" + i));
                }
            }
        }
    }

    private static Document everyKind(String id) {
        return new Document("_id", id)
                .append("tenantId", "uni-α")
                .append("count", 42)
                .append("version", 7L)
                .append("score", 0.5)
                .append("price", new Decimal128(new java.math.BigDecimal("12.50")))
                .append("late", false)
                .append("dueAt", Instant.ofEpochMilli(1_764_493_500_000L))
                .append("deliveredAt", null)
                .append("objectId", new ObjectId("5f1c1f523a554d5e9b0c2f7f"))
                .append("uuid", UUID.fromString("6f1c1f52-3a55-4d5e-9b0c-2f7f5d6a8e11"))
                .append("bytes", new BinData(new byte[] {1, 2, 3}))
                .append("appliedEvents", List.of("e-1", "e-2"))
                .append("outbox", List.of(new Document("id", "e-3").append("payload", new Document("rule", "SEND_THANK_YOU"))))
                .append("empty", List.of());
    }
}
