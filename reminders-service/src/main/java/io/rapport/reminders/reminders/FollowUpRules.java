package io.rapport.reminders.reminders;

import static io.rapport.reminders.reminders.ReminderRule.ACTION_ITEM;
import static io.rapport.reminders.reminders.ReminderRule.ADVISOR_NUDGE;
import static io.rapport.reminders.reminders.ReminderRule.CHECK_IN;
import static io.rapport.reminders.reminders.ReminderRule.CONFIRM_INTERVIEW;
import static io.rapport.reminders.reminders.ReminderRule.FOLLOW_UP_ONCE;
import static io.rapport.reminders.reminders.ReminderRule.KEEP_IN_TOUCH;
import static io.rapport.reminders.reminders.ReminderRule.LOG_OUTREACH;
import static io.rapport.reminders.reminders.ReminderRule.MAILBOX_PAUSED;
import static io.rapport.reminders.reminders.ReminderRule.LEAVE_NOW;
import static io.rapport.reminders.reminders.ReminderRule.PREPARE_QUESTIONS;
import static io.rapport.reminders.reminders.ReminderRule.REPORT_ON_ADVICE;
import static io.rapport.reminders.reminders.ReminderRule.SEND_THANK_YOU;
import static io.rapport.reminders.reminders.ReminderRule.THANK_YOU_OVERDUE;
import static io.rapport.reminders.reminders.ReminderRule.WRITE_NOTES;
import static io.rapport.reminders.reminders.ReminderRule.WRITE_TO_SECOND_CONTACT;

import io.rapport.events.ActionItemCompleted;
import io.rapport.events.ActionItemCreated;
import io.rapport.events.AdvisorNudged;
import io.rapport.events.ContactArchived;
import io.rapport.events.ContactTouched;
import io.rapport.events.DomainEvent;
import io.rapport.events.Events.Format;
import io.rapport.events.InterviewCancelled;
import io.rapport.events.InterviewConfirmed;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewNoShow;
import io.rapport.events.InterviewRescheduled;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.MailboxPaused;
import io.rapport.events.MemberDataErased;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.events.OutreachSuggested;
import io.rapport.events.ThankYouSent;
import io.rapport.platform.domain.Member;
import io.rapport.reminders.preferences.MemberCalendar;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.Preferences;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The follow-up rules: each incoming event schedules, moves, closes or cancels reminders. Every
 * effect is idempotent (dedupe key, or the event id remembered in the same write), so a replayed
 * event changes nothing.
 */
public class FollowUpRules {

    static final Duration THANK_YOU_DUE = Duration.ofHours(24);
    static final Duration THANK_YOU_OVERDUE_AFTER = Duration.ofHours(48);
    static final Duration LEAVE_EARLY_IN_PERSON = Duration.ofMinutes(15);
    static final Duration LEAVE_EARLY_ONLINE = Duration.ofMinutes(5);
    private static final Duration DEFAULT_OVERDUE_AFTER = Duration.ofDays(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private final Reminders reminders;
    private final MemberPreferences preferences;
    private final Clock clock;

    public FollowUpRules(Reminders reminders, MemberPreferences preferences, Clock clock) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.clock = clock;
    }

    public void apply(Member owner, String eventId, DomainEvent event) {
        switch (event) {
            case OutreachSent sent -> outreachSent(owner, sent);
            case OutreachReplied replied -> outreachReplied(owner, replied);
            case InterviewScheduled s -> planInterview(owner, eventId, s.interviewId(), s.contactId(), s.start(),
                    s.format(), s.memberTimeZone());
            case InterviewRescheduled r -> planInterview(owner, eventId, r.interviewId(), r.contactId(), r.start(),
                    r.format(), r.memberTimeZone());
            case InterviewConfirmed confirmed ->
                    reminders.close(owner, Set.of(CONFIRM_INTERVIEW), confirmed.interviewId(), ReminderStatus.CLOSED);
            case InterviewCancelled cancelled -> reminders.close(owner, ReminderRule.BEFORE_INTERVIEW,
                    cancelled.interviewId(), ReminderStatus.CANCELLED);
            case InterviewNoShow noShow -> reminders.close(owner, ReminderRule.BEFORE_INTERVIEW, noShow.interviewId(),
                    ReminderStatus.CANCELLED);
            case InterviewHeld held -> interviewHeld(owner, held);
            case ThankYouSent thanked -> thankYouSent(owner, thanked);
            case ContactTouched touched -> contactTouched(owner, touched);
            case ContactArchived archived -> reminders.closeForContact(owner, archived.contactId(), ReminderStatus.CANCELLED);
            case ActionItemCreated item -> actionItemCreated(owner, item);
            case AdvisorNudged nudge -> advisorNudged(owner, nudge);
            case MailboxPaused paused -> mailboxPaused(owner, eventId, paused);
            case OutreachSuggested suggested -> outreachSuggested(owner, suggested);
            case ActionItemCompleted done ->
                    reminders.close(owner, Set.of(ACTION_ITEM), done.actionItemId(), ReminderStatus.CLOSED);
            case MemberDataErased erased -> {
                // Erasure is handled by MemberData, which owns every store of the member.
            }
            default -> {
                // Other events set no reminder.
            }
        }
    }

    private void outreachSent(Member owner, OutreachSent sent) {
        Preferences prefs = preferencesWithZone(owner, sent.memberTimeZone());
        MemberCalendar calendar = prefs.calendar();
        String employer = blankToNull(sent.employer());
        String at = employer == null ? "the same organization" : employer;
        Instant threeDays = calendar.morningAfterBusinessDays(sent.sentAt(), 3);
        Instant sevenDays = calendar.morningAfterBusinessDays(sent.sentAt(), 7);
        reminders.scheduleAll(List.of(
                Reminder.planned(owner, WRITE_TO_SECOND_CONTACT, sent.outreachId(), sent.contactId(), employer,
                        "Write to a second contact at " + at + ": no reply for 3 business days",
                        threeDays, threeDays.plus(DEFAULT_OVERDUE_AFTER)),
                Reminder.planned(owner, FOLLOW_UP_ONCE, sent.outreachId(), sent.contactId(), employer,
                        "Follow up once with your contact at " + at + ": no reply for 7 business days",
                        sevenDays, sevenDays.plus(DEFAULT_OVERDUE_AFTER))));
    }

    private void outreachReplied(Member owner, OutreachReplied replied) {
        String employerKey = Reminder.employerKey(replied.employer());
        if (employerKey != null) {
            reminders.closeForEmployer(owner, ReminderRule.FOLLOW_UPS, employerKey, ReminderStatus.CANCELLED);
        }
        reminders.close(owner, ReminderRule.FOLLOW_UPS, replied.outreachId(), ReminderStatus.CANCELLED);
    }

    private void planInterview(Member owner, String eventId, String interviewId, String contactId, Instant start,
            Format format, String memberTimeZone) {
        Preferences prefs = preferencesWithZone(owner, memberTimeZone);
        MemberCalendar calendar = prefs.calendar();
        Instant now = clock.instant();
        String when = start.atZone(calendar.zone()).format(WHEN);
        String with = withContact(owner, contactId);

        int confirmDays = start.atZone(calendar.zone()).getDayOfWeek() == DayOfWeek.MONDAY ? 2 : 1;
        plan(owner, eventId, CONFIRM_INTERVIEW, interviewId, contactId, start, now,
                calendar.morningBeforeBusinessDays(start, confirmDays),
                "Confirm your interview " + with + " on " + when);
        plan(owner, eventId, PREPARE_QUESTIONS, interviewId, contactId, start, now,
                calendar.morningBeforeDays(start, 2),
                "Prepare your questions for your interview " + with + " on " + when);
        boolean inPerson = format != null && format.kind() != null
                && format.kind().toUpperCase(Locale.ROOT).contains("PERSON");
        Instant leave = calendar.outsideQuietHours(
                start.minus(inPerson ? LEAVE_EARLY_IN_PERSON : LEAVE_EARLY_ONLINE), true);
        plan(owner, eventId, LEAVE_NOW, interviewId, contactId, start, now, leave, leaveNowTitle(format, inPerson, when));
    }

    /** A reminder before the interview: due now if its time has passed, dropped if it would come after the start. */
    private void plan(Member owner, String eventId, ReminderRule rule, String interviewId, String contactId,
            Instant start, Instant now, Instant due, String title) {
        if (!due.isBefore(start) || !now.isBefore(start)) {
            reminders.close(owner, Set.of(rule), interviewId, ReminderStatus.CANCELLED);
            return;
        }
        Instant dueAt = due.isBefore(now) ? now : due;
        reminders.plan(eventId, Reminder.planned(owner, rule, interviewId, contactId, null, title, dueAt, start));
    }

    private static String leaveNowTitle(Format format, boolean inPerson, String when) {
        if (inPerson) {
            String address = format.address() == null ? "" : " at " + format.address();
            return "Leave now for your interview" + address + " (" + when + "): arrive 15 minutes early";
        }
        if (format != null && format.link() != null) {
            return "Log in now: your interview starts " + when + " on " + (format.platform() == null ? "video"
                    : format.platform()) + " " + format.link();
        }
        if (format != null && format.phone() != null) {
            return "Get ready to call: your phone interview starts " + when + " (" + format.phone() + ")";
        }
        return "Log in now: your interview starts " + when;
    }

    private void interviewHeld(Member owner, InterviewHeld held) {
        reminders.close(owner, ReminderRule.BEFORE_INTERVIEW, held.interviewId(), ReminderStatus.CLOSED);
        MemberCalendar calendar = preferences.of(owner).calendar();
        String with = withContact(owner, held.contactId());
        Instant ended = held.endedAt();
        Instant overdue = ended.plus(THANK_YOU_OVERDUE_AFTER);
        reminders.scheduleAll(List.of(
                Reminder.planned(owner, WRITE_NOTES, held.interviewId(), held.contactId(), null,
                        "Write your notes from your interview " + with + " while it is fresh",
                        calendar.outsideQuietHours(ended, false), ended.plus(DEFAULT_OVERDUE_AFTER)),
                Reminder.planned(owner, SEND_THANK_YOU, held.interviewId(), held.contactId(), null,
                        "Send your thank-you " + withTo(with) + ", naming one specific takeaway",
                        calendar.outsideQuietHours(ended.plus(THANK_YOU_DUE), false), overdue),
                Reminder.planned(owner, THANK_YOU_OVERDUE, held.interviewId(), held.contactId(), null,
                        "Overdue: your thank-you " + withTo(with) + " is 48 hours late, send it today",
                        calendar.outsideQuietHours(overdue, false), overdue)));
    }

    private void thankYouSent(Member owner, ThankYouSent thanked) {
        // ThankYouSent (rapport.notes) and its InterviewHeld (rapport.scheduling) come on two topics: no order holds
        // between them (e.g. after this service was down while both were published), and two consumers, threads or
        // instances, may apply them at the same moment. So the thank-you reminders are first stored closed, where none
        // exists (a held interview applied later opens none: schedule adds none where one exists), and only then is an
        // open one closed (one the held interview stored before): in either order, or interleaved, none stays open.
        String contact = contactName(owner, thanked.contactId());
        String with = "with " + contact;
        List<Reminder> set = new ArrayList<>();
        for (ReminderRule rule : List.of(SEND_THANK_YOU, THANK_YOU_OVERDUE)) {
            set.add(Reminder.planned(owner, rule, thanked.interviewId(), thanked.contactId(), null,
                    "Send your thank-you " + withTo(with) + ", naming one specific takeaway", thanked.sentAt(),
                    thanked.sentAt()).withStatus(ReminderStatus.CLOSED));
        }
        Preferences prefs = preferences.of(owner);
        MemberCalendar calendar = prefs.calendar();
        Instant sent = thanked.sentAt();
        Instant week = calendar.morningAfterDays(sent, 7);
        Instant month = calendar.morningAfterDays(sent, 30);
        set.add(Reminder.planned(owner, REPORT_ON_ADVICE, thanked.interviewId(), thanked.contactId(), null,
                "Tell " + contact + " what you did with their advice" + quoted(thanked.advice())
                        + " (\"Per your advice, I...\")",
                week, week.plus(Duration.ofDays(7))));
        set.add(Reminder.planned(owner, CHECK_IN, thanked.interviewId(), thanked.contactId(), null,
                "Check in with " + contact + ": share a milestone or an article, not an ask",
                month, month.plus(Duration.ofDays(7))));
        reminders.scheduleAll(set);
        reminders.close(owner, ReminderRule.THANK_YOU, thanked.interviewId(), ReminderStatus.CLOSED);
        // The keep-in-touch cadence starts after the check-in; the thank-you counts as the last touch.
        Instant cadence = calendar.morningAfterDays(sent, 30 + prefs.keepInTouchDays());
        reminders.keepInTouch(keepInTouch(owner, thanked.contactId(), contact, cadence, prefs), sent, true);
    }

    private void contactTouched(Member owner, ContactTouched touched) {
        Preferences prefs = preferences.of(owner);
        Instant due = prefs.calendar().morningAfterDays(touched.touchedAt(), prefs.keepInTouchDays());
        reminders.keepInTouch(keepInTouch(owner, touched.contactId(), contactName(owner, touched.contactId()), due, prefs),
                touched.touchedAt(), false);
    }

    private static Reminder keepInTouch(Member owner, String contactId, String contact, Instant due, Preferences prefs) {
        return Reminder.planned(owner, KEEP_IN_TOUCH, contactId, contactId, null,
                "Keep in touch with " + contact + ": " + prefs.keepInTouchDays()
                        + " days since your last contact, send an update that gives value",
                due, due.plus(Duration.ofDays(7)));
    }

    private void actionItemCreated(Member owner, ActionItemCreated item) {
        if (item.dueOn() == null) {
            return;
        }
        MemberCalendar calendar = preferences.of(owner).calendar();
        // Moved back, not on, from a weekend or holiday: reminding after the date would be too late.
        Instant due = calendar.morningOnOrBefore(item.dueOn());
        Instant endOfDay = item.dueOn().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        reminders.schedule(Reminder.planned(owner, ACTION_ITEM, item.actionItemId(), null, null,
                "Action item due " + item.dueOn() + ": " + shorten(item.text()), due, endOfDay));
    }

    /** In the inbox at once (quiet hours still apply), one reminder per nudge however often the event comes. */
    private void advisorNudged(Member owner, AdvisorNudged nudge) {
        Instant due = nudge.sentAt() == null ? clock.instant() : nudge.sentAt();
        reminders.schedule(Reminder.planned(owner, ADVISOR_NUDGE, nudge.nudgeId(), null, null,
                "From your advisor: " + shorten(nudge.text()), due, due.plus(NUDGE_OVERDUE)));
    }

    /** In the inbox at once, one per pause (the event id: a mailbox paused again after reconnecting tells again). */
    private void mailboxPaused(Member owner, String eventId, MailboxPaused paused) {
        Instant due = paused.pausedAt() == null ? clock.instant() : paused.pausedAt();
        reminders.schedule(Reminder.planned(owner, MAILBOX_PAUSED, eventId, null, null,
                "Your mailbox is paused: " + shorten(paused.reason()), due, due.plus(NUDGE_OVERDUE)));
    }

    /** "Log this as outreach?" in the inbox at once, one per message and contact; nothing is logged for the member. */
    private void outreachSuggested(Member owner, OutreachSuggested suggested) {
        Instant due = clock.instant();
        String employer = blankToNull(suggested.employer());
        String when = suggested.sentAt() == null ? ""
                : " on " + suggested.sentAt().atZone(preferences.of(owner).calendar().zone()).format(WHEN);
        reminders.schedule(Reminder.planned(owner, LOG_OUTREACH, suggested.suggestionId(), suggested.contactId(), employer,
                "You wrote to " + contactName(owner, suggested.contactId()) + when
                        + " and no outreach is logged: log this as outreach?", due, due.plus(NUDGE_OVERDUE)));
    }

    /** A nudge not acted on within a week is marked late, like any other reminder past its time. */
    static final java.time.Duration NUDGE_OVERDUE = java.time.Duration.ofDays(7);

    private Preferences preferencesWithZone(Member owner, String eventZone) {
        Preferences prefs = preferences.of(owner);
        ZoneId zone = zoneOrNull(eventZone);
        if (zone != null && !zone.equals(prefs.observedTimeZone())) {
            preferences.observeTimeZone(owner, zone);
            prefs = prefs.withObservedTimeZone(zone);
        }
        return prefs;
    }

    private String contactName(Member owner, String contactId) {
        return reminders.employerOf(owner, contactId).map(employer -> "your contact at " + employer)
                .orElse("your contact");
    }

    private String withContact(Member owner, String contactId) {
        return "with " + contactName(owner, contactId);
    }

    private static String withTo(String with) {
        return "to" + with.substring("with".length());
    }

    private static ZoneId zoneOrNull(String zone) {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The advice the member noted, quoted after a space; nothing when they noted none. */
    private static String quoted(String advice) {
        return advice == null || advice.isBlank() ? "" : " \"" + shorten(advice) + "\"";
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return "(no text)";
        }
        String clean = text.strip().replaceAll("\\s+", " ");
        return clean.length() <= 120 ? clean : clean.substring(0, 117) + "...";
    }
}
