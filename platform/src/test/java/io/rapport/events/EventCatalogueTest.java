package io.rapport.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

    @Test
    void everyEventRecordIsInTheCatalogueUnderItsPastTenseName() {
        List<String> permitted = Arrays.stream(DomainEvent.class.getPermittedSubclasses()).map(Class::getName).toList();

        assertThat(EventCatalogue.all()).extracting(type -> type.payload().getName()).containsExactlyInAnyOrderElementsOf(permitted);
        EventCatalogue.all().forEach(type -> {
            assertThat(type.payload().isRecord()).as(type.name()).isTrue();
            assertThat(type.name()).isEqualTo(type.payload().getSimpleName());
            assertThat(type.schemaVersion()).isPositive();
        });
    }

    @Test
    void theEventsTheDomainNamesAreAllThere() {
        assertThat(EventCatalogue.all()).extracting(EventType::name).contains(
                "ContactAdded", "ContactUpdated", "ContactArchived", "OutreachSent", "OutreachReplied",
                "InterviewScheduled", "InterviewConfirmed", "InterviewRescheduled", "InterviewCancelled",
                "InterviewNoShow", "InterviewHeld", "NoteRecorded", "ReferralRecorded", "ActionItemCreated",
                "ThankYouSent", "ReminderDue", "MemberDataErased");
    }

    @Test
    void docsEventsMdDescribesEveryEvent() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));

        EventCatalogue.all().forEach(type -> assertThat(doc).as("docs/events.md names " + type.name())
                .contains("### " + type.name()));
    }

    /** A field added to an event (an optional one is compatible) is documented with it. */
    @Test
    void docsEventsMdNamesEveryPayloadField() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "events.md"));

        EventCatalogue.all().forEach(type -> {
            int start = doc.indexOf("### " + type.name() + "\n");
            int end = doc.indexOf("\n### ", start + 1);
            String section = doc.substring(start, end < 0 ? doc.length() : end);
            String payload = section.substring(section.indexOf("- payload:"));
            for (var component : type.payload().getRecordComponents()) {
                assertThat(payload).as("docs/events.md, " + type.name() + " payload")
                        .containsPattern("\\b" + component.getName() + "\\b");
            }
        });
    }
}
