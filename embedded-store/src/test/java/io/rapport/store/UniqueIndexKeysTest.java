package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** A unique index's lookups find what H2's own key type finds, in the order H2 has always kept on disk. */
class UniqueIndexKeysTest {

    private final ObjectDataType h2 = new ObjectDataType();
    private final UniqueIndexKeys keys = new UniqueIndexKeys();
    private final Random random = new Random(42);

    private Object randomValue() {
        return switch (random.nextInt(5)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "m" + random.nextInt(50);
            case 2 -> random.nextInt(1000);
            case 3 -> random.nextLong();
            default -> random.nextBoolean() ? "uni" : "other-uni";
        };
    }

    private KeyValue randomKey() {
        return switch (random.nextInt(3)) {
            case 0 -> new KeyValue(randomValue());
            case 1 -> new KeyValue(randomValue(), randomValue());
            default -> new KeyValue(randomValue(), randomValue(), randomValue());
        };
    }

    @Test
    void everyLookupFindsWhatH2sKeyTypeFinds() {
        for (int round = 0; round < 50; round++) {
            int size = 1 + random.nextInt(60);
            Object[] page = sortedPage(size);
            List<Object> stored = List.of(page);
            List<Object> probes = new ArrayList<>(stored);
            for (int i = 0; i < 30; i++) {
                probes.add(randomKey());
            }
            stored.forEach(k -> probes.add(new KeyValue(((KeyValue) k).stream().toList())));
            for (Object probe : probes) {
                for (int guess : new int[] {0, 1, size / 2, size, size + 3}) {
                    assertThat(keys.binarySearch(probe, page, size, guess))
                            .as("%s in %s from %d", probe, Arrays.toString(page), guess)
                            .isEqualTo(h2.binarySearch(probe, page, size, guess));
                }
            }
        }
    }

    @Test
    void otherKeysAreLeftToH2() {
        Object[] page = {"a", "b", "c"};
        assertThat(keys.binarySearch("b", page, 3, 0)).isEqualTo(1);
        assertThat(keys.binarySearch("bb", page, 3, 0)).isEqualTo(h2.binarySearch("bb", page, 3, 0));
    }

    @Test
    void pagesAreWrittenAndReadByteForByteAsH2Does() {
        for (int round = 0; round < 20; round++) {
            Object[] page = sortedPage(1 + random.nextInt(60));
            // A page mixing other keys with KeyValues is written as H2 would too.
            Object[] mixed = page.clone();
            mixed[0] = "plain";
            for (Object[] storage : List.of(page, mixed)) {
                keys.binarySearch(randomKey(), storage, storage.length, 0);
                byte[] ours = written(keys, storage);
                assertThat(ours).isEqualTo(written(h2, storage));

                Object[] read = keys.createStorage(storage.length);
                keys.read(ByteBuffer.wrap(ours), read, storage.length);
                assertThat(read).containsExactly(storage);
                for (Object probe : storage) {
                    assertThat(keys.binarySearch(probe, read, read.length, 0)).isEqualTo(h2.binarySearch(probe, read, read.length, 0));
                }
            }
        }
    }

    @Test
    void aKeyReplacedInAPageIsComparedByItsNewForm() {
        Object[] page = sortedPage(40);
        for (Object probe : page) {
            keys.binarySearch(probe, page, page.length, 0);
        }
        // Same array, other keys (as an in-place change would leave it): the forms remembered must not be used.
        Object[] others = sortedPage(40);
        System.arraycopy(others, 0, page, 0, page.length);
        for (Object probe : others) {
            assertThat(keys.binarySearch(probe, page, page.length, 0)).isEqualTo(h2.binarySearch(probe, page, page.length, 0));
        }
        assertThat(written(keys, page)).isEqualTo(written(h2, page));
    }

    private Object[] sortedPage(int size) {
        List<Object> stored = new ArrayList<>();
        while (stored.size() < size) {
            KeyValue key = randomKey();
            if (stored.stream().noneMatch(k -> h2.compare(k, key) == 0)) {
                stored.add(key);
            }
        }
        Object[] page = stored.toArray();
        Arrays.sort(page, h2::compare);
        return page;
    }

    private static byte[] written(ObjectDataType type, Object[] storage) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, storage, storage.length);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }
}
