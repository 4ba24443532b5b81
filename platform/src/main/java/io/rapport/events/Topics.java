package io.rapport.events;

/** The topic names as constants, for listener annotations. One topic per producing service. */
public final class Topics {
    public static final String CONTACTS = "rapport.contacts";
    public static final String SCHEDULING = "rapport.scheduling";
    public static final String NOTES = "rapport.notes";
    public static final String REMINDERS = "rapport.reminders";
    public static final String INSIGHTS = "rapport.insights";

    /** Where a consumer parks a record it could not handle: {@code <topic>.DLT}. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}
