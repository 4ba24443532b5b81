package io.rapport.reminders.reminders.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.events.Producer;
import io.rapport.platform.messaging.Outbox;
import io.rapport.reminders.EmbeddedStore;
import io.rapport.test.TestClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** A data folder written by an older version loses the index every write had to maintain for nothing. */
class RetiredIndexTest {

    @Test
    void theCompareAndSwapIndexAnOlderVersionCreatedIsDroppedAtStart() {
        TestClock clock = new TestClock(Instant.parse("2026-11-30T09:00:00Z"));
        try (EmbeddedStore store = new EmbeddedStore(clock)) {
            var indexes = store.mongo.indexOps(MongoReminders.COLLECTION);
            indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                    .named(MongoReminders.RETIRED_COMPARE_AND_SWAP_INDEX));

            new MongoReminders(store.mongo, new Outbox(Producer.REMINDERS, clock, () -> { }));

            assertThat(indexes.getIndexInfo()).extracting(IndexInfo::getName)
                    .doesNotContain(MongoReminders.RETIRED_COMPARE_AND_SWAP_INDEX)
                    .contains("dedupe_rule_and_subject", "due_reminders", "member_inbox");
        }
    }
}
