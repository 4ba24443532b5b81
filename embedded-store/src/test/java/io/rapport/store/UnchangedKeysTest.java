package io.rapport.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "The keys are unchanged" is only said when it is certain; anything else is left to the full comparison. */
class UnchangedKeysTest {

    private static final List<String> DUE = List.of("status", "dueAt");
    private final Document claimed = new Document("_id", "r-1").append("status", "SCHEDULED").append("dueAt", new Date(5))
            .append("leaseUntil", new Date(0));

    @Test
    void anUpdateOfOtherFieldsLeavesTheKeysProvenSame() {
        Document leased = new Document(claimed).append("leaseUntil", new Date(9)).append("leaseOwner", "a");

        assertThat(UnchangedKeys.provenSame(DUE, claimed, leased)).isTrue();
    }

    @Test
    void aChangedAddedOrRemovedKeyIsNotProvenSame() {
        assertThat(UnchangedKeys.provenSame(DUE, claimed, new Document(claimed).append("status", "DELIVERED"))).isFalse();
        Document noDue = new Document(claimed);
        noDue.remove("dueAt");
        assertThat(UnchangedKeys.provenSame(DUE, claimed, noDue)).isFalse();
        // A null field and a missing one are different documents; whether the index tells them apart is not decided here.
        assertThat(UnchangedKeys.provenSame(List.of("snoozedUntil"), claimed,
                new Document(claimed).append("snoozedUntil", null))).isFalse();
        assertThat(UnchangedKeys.provenSame(List.of("status"), new Document("status", 1),
                new Document("status", 1.0))).as("left to the index's own normalization").isFalse();
    }

    @Test
    void aDottedKeyIsNeverDecidedHere() {
        Document owner = new Document("owner", new Document("memberId", "m0"));

        assertThat(UnchangedKeys.provenSame(List.of("owner.memberId"), owner, new Document(owner))).isFalse();
    }
}
