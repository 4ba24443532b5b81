package io.rapport.reminders.reminders;

import java.util.EnumSet;
import java.util.Set;

/** Why a reminder exists. With its subject (outreach, interview, contact, action item) it is the reminder's dedupe key. */
public enum ReminderRule {
    /** 3B: three business days without a reply, write to someone else at the employer. */
    WRITE_TO_SECOND_CONTACT,
    /** 7B: seven business days without a reply, follow up once with the first contact. */
    FOLLOW_UP_ONCE,
    CONFIRM_INTERVIEW,
    PREPARE_QUESTIONS,
    LEAVE_NOW,
    WRITE_NOTES,
    SEND_THANK_YOU,
    /** The thank-you is 48 hours late: delivered again, more urgently, replacing {@link #SEND_THANK_YOU}. */
    THANK_YOU_OVERDUE,
    REPORT_ON_ADVICE,
    CHECK_IN,
    KEEP_IN_TOUCH,
    ACTION_ITEM,
    /** A nudge from an advisor the member shares with (insights-service's AdvisorNudged), delivered at once. */
    ADVISOR_NUDGE,
    /** The member's connected mailbox was paused after failed sign-ins (contacts-service's MailboxPaused), at once. */
    MAILBOX_PAUSED,
    /** "Log this as outreach?": the member wrote to a contact with no outreach logged (OutreachSuggested), at once. */
    LOG_OUTREACH;

    public static final Set<ReminderRule> FOLLOW_UPS = EnumSet.of(WRITE_TO_SECOND_CONTACT, FOLLOW_UP_ONCE);
    public static final Set<ReminderRule> BEFORE_INTERVIEW = EnumSet.of(CONFIRM_INTERVIEW, PREPARE_QUESTIONS, LEAVE_NOW);
    public static final Set<ReminderRule> THANK_YOU = EnumSet.of(SEND_THANK_YOU, THANK_YOU_OVERDUE);
}
