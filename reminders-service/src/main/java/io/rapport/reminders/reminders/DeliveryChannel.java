package io.rapport.reminders.reminders;

import io.rapport.reminders.preferences.Preferences;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A way a due reminder reaches the member besides the inbox. Throwing leaves the reminder to be retried. */
public interface DeliveryChannel {

    void deliver(Reminder reminder, Preferences preferences, boolean late);

    /**
     * Several reminders of one round together. One by one unless the channel can do better (e-mail: one SMTP
     * connection for all of them, not one each).
     *
     * @return the reminders not delivered: they are tried again when their lease runs out
     */
    default Set<Reminder> deliverAll(List<Outgoing> outgoing) {
        Set<Reminder> failed = new HashSet<>();
        for (Outgoing each : outgoing) {
            try {
                deliver(each.reminder(), each.preferences(), each.late());
            } catch (RuntimeException e) {
                System.getLogger(DeliveryChannel.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not deliver reminder " + each.reminder().id() + ", retrying after its lease", e);
                failed.add(each.reminder());
            }
        }
        return failed;
    }

    /** A claimed reminder on its way out, with what the member chose, when it goes out and whether that is late. */
    record Outgoing(Reminder reminder, Preferences preferences, Instant at, boolean late) {
    }
}
