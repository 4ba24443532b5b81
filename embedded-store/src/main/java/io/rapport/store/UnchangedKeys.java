package io.rapport.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Objects;

/**
 * Whether an update left an index's keys as they were, answered from the fields themselves when it can be.
 * mongo-java-server asks every index at every update, and answers by computing both documents' key values (each key
 * path split with a regular expression, each value normalized): a quarter of its update time while 30,000 reminders
 * fell due, though most updates change no key of most indexes (JFR on the store, see docs/data-path.md).
 */
final class UnchangedKeys {

    private UnchangedKeys() {
    }

    /**
     * True when every key is a top-level field that both documents have or both lack, with equal values: the key
     * values are then the same. False means "not known": the caller computes them (a dotted path, or a value that
     * changed, perhaps only in a way the index ignores, such as 1 to 1.0).
     */
    static boolean provenSame(List<String> keys, Document before, Document after) {
        for (String key : keys) {
            if (key.indexOf('.') >= 0 || before.containsKey(key) != after.containsKey(key)
                    || !Objects.equals(before.get(key), after.get(key))) {
                return false;
            }
        }
        return true;
    }
}
