package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Secondary-index entries read back as written, dates without Java serialization, and older entries still read. */
class IndexEntriesTest {

    @Test
    void anEntryWithADateAStringAMissingValueAndAPositionReadsBackEqual() {
        List<Object> entry = Arrays.asList("SCHEDULED", Instant.ofEpochMilli(1_764_493_500_000L), Missing.getInstance(),
                42L, null, "r-1");
        WriteBuffer written = new WriteBuffer();
        new IndexEntries().write(written, entry);
        ByteBuffer bytes = written.getBuffer().flip();
        int size = bytes.remaining();

        assertThat(new IndexEntries().read(bytes)).isEqualTo(entry);
        assertThat(bytes.remaining()).isZero();
        assertThat(size).as("a date as 8 bytes, not a serialized Instant").isLessThan(40);
    }

    @Test
    void anEntryWrittenWithASerializedDateStillReads() {
        Instant dueAt = Instant.ofEpochMilli(1_764_493_500_000L);
        WriteBuffer written = new WriteBuffer();
        // As entries were written before dates had a tag of their own: the value tag, then H2's format.
        written.putVarInt(2).put((byte) 0);
        new ObjectDataType().write(written, dueAt);
        written.put((byte) 0);
        new ObjectDataType().write(written, "r-1");

        assertThat(new IndexEntries().read(written.getBuffer().flip())).isEqualTo(List.of(dueAt, "r-1"));
    }
}
