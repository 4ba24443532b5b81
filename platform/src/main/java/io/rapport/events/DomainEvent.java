package io.rapport.events;

/**
 * A fact another service may care about. Every event is a past-tense record in this package,
 * listed in {@link EventCatalogue} with its producer and schema version.
 *
 * <p>The member, tenant, time and correlation travel in the envelope, not in the payload.
 */
public sealed interface DomainEvent permits
        ContactAdded, ContactUpdated, ContactArchived, ContactTouched,
        OutreachSent, OutreachReplied, MemberDataErased,
        MailboxConnected, MailboxDisconnected, MailboxPaused, OutreachSuggested,
        InterviewProposed, InterviewScheduled, InterviewConfirmed, InterviewRescheduled,
        InterviewCancelled, InterviewNoShow, InterviewHeld,
        NoteRecorded, ReferralRecorded, ActionItemCreated, ActionItemCompleted,
        ThankYouSent, SynthesisUpdated,
        ReminderDue,
        SharingChanged, AdvisorNudged, AlumniVolunteerRequested,
        CalendarConnected, CalendarDisconnected {

    /** The id of the aggregate the event is about: the envelope's {@code subject}. */
    String subject();
}
