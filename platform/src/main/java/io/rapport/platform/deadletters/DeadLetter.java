package io.rapport.platform.deadletters;

import java.time.Instant;

/**
 * One record parked in a {@code <topic>.DLT}, with what spring-kafka's {@code DeadLetterPublishingRecoverer} wrote
 * about its failure in the headers (null where a header is missing).
 *
 * @param topic             the dead-letter topic
 * @param partition         its partition there
 * @param offset            its offset there: {@code partition:offset} names it for a re-drive
 * @param parkedAt          when it was parked
 * @param eventId           the CloudEvents id (what idempotent consumers recognise a redelivery by)
 * @param eventType         the CloudEvents type
 * @param originalTopic     where it was consumed from, and where a re-drive sends it
 * @param originalPartition its partition there
 * @param originalOffset    its offset there
 * @param consumerGroup     the consumer group that failed it
 * @param exceptionClass    the failure's class (the cause's, when the listener's failure wraps one)
 * @param exceptionMessage  the failure's message
 */
public record DeadLetter(String topic, int partition, long offset, Instant parkedAt, String key, String eventId,
                         String eventType, String originalTopic, Integer originalPartition, Long originalOffset,
                         String consumerGroup, String exceptionClass, String exceptionMessage) {

    /** {@code partition:offset} in its dead-letter topic. */
    public String position() {
        return partition + ":" + offset;
    }
}
