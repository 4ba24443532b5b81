package io.rapport.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event that crosses a service boundary, with who publishes it. docs/events.md says who consumes it. */
public final class EventCatalogue {

    private static final List<EventType> TYPES = List.of(
            type(ContactAdded.class, Producer.CONTACTS),
            type(ContactUpdated.class, Producer.CONTACTS),
            type(ContactArchived.class, Producer.CONTACTS),
            type(ContactTouched.class, Producer.CONTACTS),
            type(OutreachSent.class, Producer.CONTACTS),
            type(OutreachReplied.class, Producer.CONTACTS),
            type(MemberDataErased.class, Producer.CONTACTS),
            type(MailboxConnected.class, Producer.CONTACTS),
            type(MailboxDisconnected.class, Producer.CONTACTS),
            type(MailboxPaused.class, Producer.CONTACTS),
            type(OutreachSuggested.class, Producer.CONTACTS),
            type(InterviewProposed.class, Producer.SCHEDULING),
            type(InterviewScheduled.class, Producer.SCHEDULING),
            type(InterviewConfirmed.class, Producer.SCHEDULING),
            type(InterviewRescheduled.class, Producer.SCHEDULING),
            type(InterviewCancelled.class, Producer.SCHEDULING),
            type(InterviewNoShow.class, Producer.SCHEDULING),
            type(InterviewHeld.class, Producer.SCHEDULING),
            type(CalendarConnected.class, Producer.SCHEDULING),
            type(CalendarDisconnected.class, Producer.SCHEDULING),
            type(NoteRecorded.class, Producer.NOTES),
            type(ReferralRecorded.class, Producer.NOTES),
            type(ActionItemCreated.class, Producer.NOTES),
            type(ActionItemCompleted.class, Producer.NOTES),
            type(ThankYouSent.class, Producer.NOTES),
            type(SynthesisUpdated.class, Producer.NOTES),
            type(ReminderDue.class, Producer.REMINDERS),
            type(SharingChanged.class, Producer.INSIGHTS),
            type(AdvisorNudged.class, Producer.INSIGHTS),
            type(AlumniVolunteerRequested.class, Producer.INSIGHTS));

    private static final Map<String, EventType> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(EventType::payload, Function.identity()));

    private EventCatalogue() {
    }

    public static List<EventType> all() {
        return TYPES;
    }

    public static Optional<EventType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType of(DomainEvent event) {
        return of(event.getClass());
    }

    public static EventType of(Class<? extends DomainEvent> payload) {
        EventType type = BY_CLASS.get(payload);
        if (type == null) {
            throw new IllegalStateException(payload.getName() + " is not in the event catalogue");
        }
        return type;
    }

    private static EventType type(Class<? extends DomainEvent> payload, Producer producer) {
        return new EventType(payload.getSimpleName(), payload, producer, 1);
    }
}
