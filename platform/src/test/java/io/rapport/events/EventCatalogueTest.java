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
}
