package io.rapport.events;

/** The services that publish events; each publishes to one topic of its own. */
public enum Producer {
    CONTACTS("contacts-service", Topics.CONTACTS),
    SCHEDULING("scheduling-service", Topics.SCHEDULING),
    NOTES("notes-service", Topics.NOTES),
    REMINDERS("reminders-service", Topics.REMINDERS),
    INSIGHTS("insights-service", Topics.INSIGHTS);

    private final String serviceName;
    private final String topic;

    Producer(String serviceName, String topic) {
        this.serviceName = serviceName;
        this.topic = topic;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The Kafka topic this producer's events go to, keyed by member id. */
    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code source} of this producer's events. */
    public String source() {
        return "/rapport/" + serviceName;
    }

    public static Producer forService(String serviceName) {
        for (Producer producer : values()) {
            if (producer.serviceName.equals(serviceName)) {
                return producer;
            }
        }
        throw new IllegalArgumentException("No producer named " + serviceName);
    }
}
