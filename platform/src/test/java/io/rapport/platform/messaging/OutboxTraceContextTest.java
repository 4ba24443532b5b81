package io.rapport.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.rapport.events.ContactAdded;
import io.rapport.events.Producer;
import io.rapport.platform.domain.Member;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace context goes through the outbox: written with the pending event by the request that caused it,
 * read back by the relay into the record's {@code traceparent} header and made the parent of the relay's send.
 */
class OutboxTraceContextTest {

    private static final Member ALICE = new Member("alice", "uni-a");

    private final SdkTracerProvider tracing = SdkTracerProvider.builder().build();
    private final Outbox outbox = new Outbox(Producer.CONTACTS, Clock.systemUTC(), () -> { });

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void anEventWrittenInATraceCarriesItIntoTheRecordAndTheRelaysSend() {
        Span request = tracing.get("test").spanBuilder("POST /api/contacts").startSpan();
        Document written;
        try (Scope inRequest = request.makeCurrent()) {
            written = outbox.addTo(new Document("_id", "c-1"), ALICE, List.of(added()));
        }
        request.end();
        String expected = "00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId() + "-01";

        PendingEvent pending = PendingEvent.fromDocument(written.getList(Outbox.FIELD, Document.class).getFirst());
        assertThat(pending.traceparent()).isEqualTo(expected);
        ProducerRecord<String, byte[]> record = CloudEvents.toRecord(pending);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(expected);

        assertThat(Span.current().getSpanContext().isValid()).as("the relay's thread, outside any trace").isFalse();
        try (Scope relaying = TraceParent.resume(pending.traceparent())) {
            Span send = tracing.get("test").spanBuilder("rapport.contacts send").startSpan();
            assertThat(send.getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            send.end();
        }
        assertThat(Span.current().getSpanContext().isValid()).as("the scope closed").isFalse();
    }

    @Test
    void anEventWrittenOutsideATraceHasNoTraceContextAndTheRelayStartsNone() {
        Document written = outbox.addTo(new Document("_id", "c-1"), ALICE, List.of(added()));

        Document stored = written.getList(Outbox.FIELD, Document.class).getFirst();
        assertThat(stored.containsKey("traceparent")).isFalse();
        PendingEvent pending = PendingEvent.fromDocument(stored);
        assertThat(CloudEvents.toRecord(pending).headers().lastHeader("traceparent")).isNull();
        try (Scope relaying = TraceParent.resume(pending.traceparent())) {
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        }
        try (Scope malformed = TraceParent.resume("00-not-a-trace")) {
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        }
    }

    private static ContactAdded added() {
        return new ContactAdded("c-1", "Ada Lovelace", null, "Acme", "Engineer", "LINKEDIN", null, null, Instant.now(), null);
    }
}
