package io.rapport.notes.notes;

import io.rapport.events.ActionItemCompleted;
import io.rapport.events.ActionItemCreated;
import io.rapport.events.NoteRecorded;
import io.rapport.events.ReferralRecorded;
import io.rapport.events.ThankYouSent;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the member keeps about one interview: preparation (possible before it is held), and
 * once scheduling reports it held, the consented notes, takeaways, action items, referrals and the
 * thank-you. Changes return the events they cause.
 *
 * @param held null until InterviewHeld arrived
 * @param version 0 for a record not stored yet
 */
public record NoteRecord(String interviewId, Member owner, HeldInterview held, String contactName, String employer,
        String role, Consent consent, boolean permissionToShare, Preparation preparation, List<Entry> entries,
        List<String> takeaways, String advice, List<ActionItem> actionItems, List<Referral> referrals,
        ThankYou thankYou, Instant updatedAt, long version) {

    /** A thank-you sent later than this is accepted and flagged late. */
    public static final Duration THANK_YOU_ON_TIME = Duration.ofHours(48);

    public NoteRecord {
        entries = List.copyOf(entries);
        takeaways = List.copyOf(takeaways);
        actionItems = List.copyOf(actionItems);
        referrals = List.copyOf(referrals);
    }

    /** A record not stored yet, for preparation before the interview is held. */
    public static NoteRecord empty(String interviewId, Member owner, Instant now) {
        return new NoteRecord(interviewId, owner, null, null, null, null, Consent.NOT_ASKED, false, Preparation.NONE,
                List.of(), List.of(), null, List.of(), List.of(), ThankYou.NOT_SENT, now, 0);
    }

    public boolean isHeld() {
        return held != null;
    }

    public Change<NoteRecord> prepare(Preparation research, Instant now) {
        return new Change<>(with(research, entries, now), List.of());
    }

    /**
     * Saves the notes. Entries are kept only with consent GRANTED; any other consent deletes the
     * entries already kept, so declining later removes what was written.
     *
     * @throws ConflictException while the interview is not held
     * @throws ConsentRequiredException when entries come without consent
     */
    public Change<NoteRecord> record(NoteContent content, Instant now) {
        requireHeld();
        if (content.consent() != Consent.GRANTED && !content.entries().isEmpty()) {
            throw new ConsentRequiredException(interviewId, content.consent());
        }
        List<Entry> kept = content.consent() == Consent.GRANTED ? content.entries() : List.of();
        NoteRecord saved = new NoteRecord(interviewId, owner, held, content.contactName(), content.employer(),
                content.role(), content.consent(), content.permissionToShare(), preparation, kept,
                content.takeaways(), content.advice(), actionItems, referrals, thankYou, now, version);
        List<String> categories = kept.stream().map(entry -> entry.category().name()).distinct().sorted().toList();
        return Change.of(saved, new NoteRecorded(interviewId, held.contactId(), kept.size(), categories, now,
                saved.sharedWithAdvisors()));
    }

    /** The notes as an advisor the member shares everything with may read them: never a sensitive entry. */
    private NoteRecorded.Shared sharedWithAdvisors() {
        List<NoteRecorded.SharedEntry> shared = entries.stream().filter(entry -> !entry.sensitive())
                .map(entry -> new NoteRecorded.SharedEntry(entry.category().name().toLowerCase(Locale.ROOT), entry.text()))
                .toList();
        return new NoteRecorded.Shared(shared, takeaways, advice);
    }

    public Change<NoteRecord> addActionItem(String id, String text, LocalDate dueOn, Instant now) {
        requireHeld();
        List<ActionItem> items = new ArrayList<>(actionItems);
        items.add(new ActionItem(id, text, dueOn, now, null));
        NoteRecord changed = new NoteRecord(interviewId, owner, held, contactName, employer, role, consent,
                permissionToShare, preparation, entries, takeaways, advice, items, referrals, thankYou, now, version);
        return Change.of(changed, new ActionItemCreated(id, interviewId, null, text, dueOn));
    }

    public Change<NoteRecord> completeActionItem(String id, Instant now) {
        ActionItem item = actionItems.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("action item", id));
        if (item.completed()) {
            throw new ConflictException("Action item " + id + " was already completed",
                    Map.of("completedAt", item.completedAt().toString()));
        }
        List<ActionItem> items = actionItems.stream()
                .map(candidate -> candidate.id().equals(id)
                        ? new ActionItem(id, candidate.text(), candidate.dueOn(), candidate.createdAt(), now)
                        : candidate)
                .toList();
        NoteRecord changed = new NoteRecord(interviewId, owner, held, contactName, employer, role, consent,
                permissionToShare, preparation, entries, takeaways, advice, items, referrals, thankYou, now, version);
        return Change.of(changed, new ActionItemCompleted(id, now));
    }

    public Change<NoteRecord> addReferral(Referral referral, Instant now) {
        requireHeld();
        List<Referral> all = new ArrayList<>(referrals);
        all.add(referral);
        NoteRecord changed = new NoteRecord(interviewId, owner, held, contactName, employer, role, consent,
                permissionToShare, preparation, entries, takeaways, advice, actionItems, all, thankYou, now, version);
        return Change.of(changed, new ReferralRecorded(referral.id(), interviewId, held.contactId(), referral.name(),
                referral.employer(), referral.role(), referral.mayUseReferrerName()));
    }

    /** The draft the member sees: their edited text, or one built from the notes. */
    public String thankYouDraft() {
        requireHeld();
        return thankYou.editedDraft() != null ? thankYou.editedDraft() : ThankYouDraft.from(this);
    }

    public Change<NoteRecord> editThankYou(String text, Instant now) {
        requireHeld();
        List<FieldProblem> problems = new ArrayList<>();
        String clean = Fields.requiredText(text, "text", ThankYouDraft.MAX_CHARACTERS, problems);
        Fields.check(problems);
        if (ThankYouDraft.words(clean) >= ThankYouDraft.MAX_WORDS) {
            throw new InvalidInputException("text", "must be under " + ThankYouDraft.MAX_WORDS + " words: a thank-you is short");
        }
        if (thankYou.sent()) {
            throw new ConflictException("The thank-you for interview " + interviewId + " was already sent",
                    Map.of("sentAt", thankYou.sentAt().toString()));
        }
        ThankYou edited = new ThankYou(clean, null, null, 0, false);
        return new Change<>(withThankYou(edited, now), List.of());
    }

    /**
     * Marks the thank-you sent. Late ones (after 48 hours) are accepted and flagged; a second one is refused.
     *
     * @throws ConflictException when already sent or the interview is not held
     */
    public Change<NoteRecord> markThankYouSent(String channel, Instant sentAt, Instant now) {
        requireHeld();
        if (thankYou.sent()) {
            throw new ConflictException("The thank-you for interview " + interviewId + " was already sent",
                    Map.of("sentAt", thankYou.sentAt().toString(), "channel", thankYou.channel()));
        }
        if (sentAt.isBefore(held.endedAt())) {
            throw new InvalidInputException("sentAt", "is before the interview ended (" + held.endedAt() + ")");
        }
        if (sentAt.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InvalidInputException("sentAt", "is in the future");
        }
        Duration since = Duration.between(held.endedAt(), sentAt);
        boolean late = since.compareTo(THANK_YOU_ON_TIME) > 0;
        int hours = (int) since.toHours();
        ThankYou sent = new ThankYou(thankYou.editedDraft(), channel, sentAt, hours, late);
        return Change.of(withThankYou(sent, now),
                new ThankYouSent(interviewId, held.contactId(), channel, sentAt, hours, late, advice));
    }

    /** Applies InterviewHeld: the interview becomes notable and thankable. */
    public NoteRecord heldAs(HeldInterview interview) {
        return new NoteRecord(interviewId, owner, interview, contactName, employer, role, consent, permissionToShare,
                preparation, entries, takeaways, advice, actionItems, referrals, thankYou, updatedAt, version);
    }

    private NoteRecord with(Preparation research, List<Entry> kept, Instant now) {
        return new NoteRecord(interviewId, owner, held, contactName, employer, role, consent, permissionToShare,
                research, kept, takeaways, advice, actionItems, referrals, thankYou, now, version);
    }

    private NoteRecord withThankYou(ThankYou changed, Instant now) {
        return new NoteRecord(interviewId, owner, held, contactName, employer, role, consent, permissionToShare,
                preparation, entries, takeaways, advice, actionItems, referrals, changed, now, version);
    }

    private void requireHeld() {
        if (!isHeld()) {
            throw new ConflictException("Interview " + interviewId
                    + " is not known as held yet: notes, action items, referrals and thank-yous follow the interview",
                    Map.of("interviewId", interviewId));
        }
    }
}
