package io.rapport.insights.activity;

import io.rapport.events.ActionItemCompleted;
import io.rapport.events.ActionItemCreated;
import io.rapport.events.ContactAdded;
import io.rapport.events.ContactArchived;
import io.rapport.events.ContactTouched;
import io.rapport.events.ContactUpdated;
import io.rapport.events.DomainEvent;
import io.rapport.events.InterviewHeld;
import io.rapport.events.InterviewScheduled;
import io.rapport.events.MailboxPaused;
import io.rapport.events.NoteRecorded;
import io.rapport.events.OutreachReplied;
import io.rapport.events.OutreachSent;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ReminderDue;
import io.rapport.events.SynthesisUpdated;
import io.rapport.events.ThankYouSent;
import io.rapport.insights.activity.Effect.Counter;
import java.util.ArrayList;
import java.util.List;

/**
 * What each existing event means for a member's insights: the funnel (contacts, outreach, replies, interviews
 * held, thank-yous and their timeliness, referrals) and the signals (outreach waiting, thank-yous owed), and which
 * events are the member's activity.
 */
public final class ActivityFacts {

    /** A thank-you within a day of the interview, and within two: the practice's 24–48 h. */
    static final int WITHIN_A_DAY = 24;
    static final int WITHIN_TWO_DAYS = 48;

    private ActivityFacts() {
    }

    /**
     * Whether the event is something the member did, or that happened in their search (a reply, an interview):
     * it makes them active that week and resets "no activity for 14 days". What the system does on its own — a
     * reminder falling due, the synthesis refreshed after a note, a mailbox paused after failed sign-ins — is not:
     * a member who only receives reminders is the one an advisor should see as inactive.
     */
    public static boolean isMemberActivity(DomainEvent event) {
        return !(event instanceof ReminderDue || event instanceof SynthesisUpdated || event instanceof MailboxPaused);
    }

    public static List<Effect> of(DomainEvent event) {
        List<Effect> effects = new ArrayList<>();
        switch (event) {
            case ContactAdded added -> {
                effects.add(new Effect.Count(Counter.CONTACTS));
                if (added.employer() != null && !added.employer().isBlank()) {
                    effects.add(new Effect.Target(added.employer()));
                }
                effects.add(new Effect.ContactKnown(added.contactId(), added.name(), added.email(), added.employer(),
                        added.role(), "IDENTIFIED"));
            }
            case ContactUpdated updated -> {
                if (updated.employer() != null && !updated.employer().isBlank()) {
                    effects.add(new Effect.Target(updated.employer()));
                }
                effects.add(new Effect.ContactKnown(updated.contactId(), updated.name(), updated.email(),
                        updated.employer(), updated.role(), updated.stage()));
            }
            case ContactArchived archived -> effects.add(new Effect.ContactStage(archived.contactId(), "ARCHIVED"));
            case ContactTouched touched -> effects.add(new Effect.FollowedUp(touched.contactId(), touched.touchedAt()));
            case OutreachSent sent -> {
                effects.add(new Effect.Count(Counter.OUTREACH));
                Industry industry = Industry.of(sent.industry());
                if (industry != null) {
                    effects.add(new Effect.IndustryApproached(industry));
                }
                effects.add(new Effect.OutreachOpened(sent.contactId(), sent.outreachId(), sent.employer(),
                        sent.memberTimeZone(), sent.sentAt()));
            }
            case OutreachReplied replied -> {
                effects.add(new Effect.Count(Counter.REPLIES));
                effects.add(new Effect.ReplyLatency(Math.max(0, replied.latencyBusinessDays())));
                effects.add(new Effect.Answered(replied.contactId()));
            }
            case InterviewScheduled scheduled -> effects.add(new Effect.Answered(scheduled.contactId()));
            case InterviewHeld held -> {
                effects.add(new Effect.Count(Counter.INTERVIEWS_HELD));
                effects.add(new Effect.InterviewHeld(held.interviewId(), held.endedAt()));
            }
            case ThankYouSent thanks -> {
                effects.add(new Effect.Count(Counter.THANK_YOUS));
                if (thanks.hoursSinceInterview() <= WITHIN_A_DAY) {
                    effects.add(new Effect.Count(Counter.THANK_YOUS_WITHIN_24H));
                }
                if (thanks.hoursSinceInterview() <= WITHIN_TWO_DAYS) {
                    effects.add(new Effect.Count(Counter.THANK_YOUS_WITHIN_48H));
                }
                effects.add(new Effect.Thanked(thanks.interviewId()));
            }
            case ReferralRecorded referral -> effects.add(new Effect.Count(Counter.REFERRALS));
            case NoteRecorded notes -> {
                effects.add(new Effect.Count(Counter.NOTES));
                if (notes.shared() != null) {
                    effects.add(new Effect.NotesShared(new SharedNotes(notes.interviewId(), notes.contactId(),
                            notes.recordedAt(), notes.shared().entries() == null ? List.of() : notes.shared().entries().stream()
                                    .map(entry -> new SharedNotes.Entry(entry.category(), entry.text())).toList(),
                            notes.shared().takeaways() == null ? List.of() : notes.shared().takeaways(),
                            notes.shared().advice())));
                }
            }
            case SynthesisUpdated synthesis -> effects.add(new Effect.Synthesis(synthesis.interviewCount(),
                    synthesis.themeCount(), shared(synthesis.shared())));
            case ActionItemCreated created -> {
            }
            case ActionItemCompleted completed -> {
            }
            default -> {
            }
        }
        return effects;
    }

    private static SharedSynthesis shared(SynthesisUpdated.Shared shared) {
        if (shared == null) {
            return null;
        }
        return new SharedSynthesis(shared.interviewCount(), themes(shared.themes()), themes(shared.skillGaps()));
    }

    private static List<SharedSynthesis.Theme> themes(List<SynthesisUpdated.SharedTheme> themes) {
        return themes == null ? List.of() : themes.stream()
                .map(theme -> new SharedSynthesis.Theme(theme.category(), theme.label(), theme.interviewCount(),
                        theme.singlePerspective()))
                .toList();
    }
}
