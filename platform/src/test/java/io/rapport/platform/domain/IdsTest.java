package io.rapport.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsMadeInTheSameMillisecondStillSortInTheOrderTheyWereMade() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.newId());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anIdIsAVersion7UuidCarryingItsTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(Ids.newId());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis() + 10);
    }
}
