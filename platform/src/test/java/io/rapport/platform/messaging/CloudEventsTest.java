package io.rapport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.events.ContactUpdated;
import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewHeld;
import io.rapport.events.MemberDataErased;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    private static final Instant TIME = Instant.parse("2026-11-20T09:15:00Z");

    @Test
    void aRecordReadsBackIntoTheSameTypedEnvelope() {
        InterviewHeld held = new InterviewHeld("i-1", "c-1", TIME, 30, 41, true, TIME.plusSeconds(41 * 60));
        PendingEvent pending = new PendingEvent("e-1", "InterviewHeld", 1, "rapport.scheduling",
                "/rapport/scheduling-service", "i-1", "alice", "uni-a", "req-7", TIME, EventJson.write(held));

        EventEnvelope<DomainEvent> envelope = CloudEvents.read(asConsumed(CloudEvents.toRecord(pending)));

        assertThat(envelope.payload()).isEqualTo(held);
        assertThat(envelope.id()).isEqualTo("e-1");
        assertThat(envelope.type()).isEqualTo("InterviewHeld");
        assertThat(envelope.source()).isEqualTo("/rapport/scheduling-service");
        assertThat(envelope.time()).isEqualTo(TIME);
        assertThat(envelope.subject()).isEqualTo("i-1");
        assertThat(envelope.member().memberId()).isEqualTo("alice");
        assertThat(envelope.member().tenantId()).isEqualTo("uni-a");
        assertThat(envelope.correlationId()).isEqualTo("req-7");
    }

    @Test
    void unknownPayloadFieldsAreIgnoredSoProducersCanAddOptionalFields() {
        ProducerRecord<String, byte[]> record = CloudEvents.toRecord(new PendingEvent("e-2", "ContactUpdated", 1,
                "rapport.contacts", "/rapport/contacts-service", "c-1", "alice", "uni-a", null, TIME,
                "{\"contactId\":\"c-1\",\"name\":\"Grace\",\"nickname\":\"new field\",\"changedFields\":[\"name\"]}"));

        ContactUpdated updated = (ContactUpdated) CloudEvents.read(asConsumed(record)).payload();

        assertThat(updated.name()).isEqualTo("Grace");
        assertThat(updated.changedFields()).containsExactly("name");
    }

    @Test
    void recordsThatCanNeverBeHandledAreMalformed() {
        ProducerRecord<String, byte[]> good = CloudEvents.toRecord(new PendingEvent("e-3", "ContactUpdated", 1,
                "rapport.contacts", "/rapport/contacts-service", "c-1", "alice", "uni-a", null, TIME, "{}"));

        assertThatThrownBy(() -> CloudEvents.read(consumed(good.headers(), "not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("Unreadable ContactUpdated");

        RecordHeaders unknownType = copy(good);
        unknownType.remove(CloudEventHeaders.TYPE).add(CloudEventHeaders.TYPE, "ContactTeleported".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEvents.read(consumed(unknownType, "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("Unknown event type");

        RecordHeaders noMember = copy(good);
        noMember.remove(CloudEventHeaders.MEMBER);
        assertThatThrownBy(() -> CloudEvents.read(consumed(noMember, "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining(CloudEventHeaders.MEMBER);

        RecordHeaders newerSchema = copy(good);
        newerSchema.remove(CloudEventHeaders.SCHEMA_VERSION).add(CloudEventHeaders.SCHEMA_VERSION, "2".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEvents.read(consumed(newerSchema, "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("newer");
    }

    @Test
    void anErasureOnlyListenerSkipsOtherTypesByTheirHeaderAndReadsWhatHasNoType() {
        ProducerRecord<String, byte[]> erasure = CloudEvents.toRecord(new PendingEvent("e-5", "MemberDataErased", 1,
                "rapport.contacts", "/rapport/contacts-service", "alice", "alice", "uni-a", null, TIME,
                EventJson.write(new MemberDataErased("alice", TIME))));
        ProducerRecord<String, byte[]> other = CloudEvents.toRecord(new PendingEvent("e-6", "ContactUpdated", 1,
                "rapport.contacts", "/rapport/contacts-service", "c-1", "alice", "uni-a", null, TIME, "not json"));
        RecordHeaders untyped = copy(other);
        untyped.remove(CloudEventHeaders.TYPE);

        assertThat(CloudEvents.mayBeErasure(asConsumed(erasure))).isTrue();
        assertThat(CloudEvents.mayBeErasure(asConsumed(other))).as("its unreadable payload is never read").isFalse();
        assertThat(CloudEvents.mayBeErasure(consumed(untyped, other.value()))).as("read, so reported malformed").isTrue();
    }

    private static RecordHeaders copy(ProducerRecord<String, byte[]> record) {
        return new RecordHeaders(record.headers().toArray());
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return consumed(record.headers(), record.value());
    }

    private static ConsumerRecord<String, byte[]> consumed(Iterable<org.apache.kafka.common.header.Header> headers, byte[] value) {
        RecordHeaders copied = new RecordHeaders();
        headers.forEach(copied::add);
        return new ConsumerRecord<>("t", 0, 0, 0, TimestampType.CREATE_TIME, 0, value.length, "alice", value,
                copied, java.util.Optional.empty());
    }

}
