package io.rapport.notes.notes;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.Change;
import io.rapport.platform.domain.FieldProblem;
import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.InvalidInputException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The member's use cases on the notes of their interviews. */
public class NoteBook {

    /** How a thank-you can go out. */
    public enum Channel { EMAIL, LETTER, CARD, LINKEDIN, MESSAGE, OTHER }

    private final NoteRecords records;
    private final KnownInterviews interviews;
    private final Clock clock;

    public NoteBook(NoteRecords records, KnownInterviews interviews, Clock clock) {
        this.records = records;
        this.interviews = interviews;
        this.clock = clock;
    }

    public NoteRecord get(Member owner, String interviewId) {
        return records.find(owner, interviewId).orElseThrow(() -> new NotFoundException("note record", interviewId));
    }

    public List<NoteRecord> list(Member owner) {
        return records.list(owner);
    }

    /**
     * Preparation may start before the interview is held (once scheduling has announced it), so it creates the
     * record when needed.
     */
    public NoteRecord prepare(Member owner, String interviewId, String industry, String organization, String person) {
        List<FieldProblem> problems = new ArrayList<>();
        Preparation research = new Preparation(Fields.text(industry, "industry", Preparation.MAX_TEXT, problems),
                Fields.text(organization, "organization", Preparation.MAX_TEXT, problems),
                Fields.text(person, "person", Preparation.MAX_TEXT, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireId(interviewId);
        return apply(ownInterview(owner, interviewId), record -> record.prepare(research, clock.instant()));
    }

    public NoteRecord record(Member owner, String interviewId, NoteContent content) {
        return apply(heldOrConflict(owner, interviewId), record -> record.record(content, clock.instant()));
    }

    public NoteRecord addActionItem(Member owner, String interviewId, String text, LocalDate dueOn) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanText = Fields.requiredText(text, "text", ActionItem.MAX_TEXT, problems);
        if (dueOn == null) {
            problems.add(new FieldProblem("dueOn", "is required (YYYY-MM-DD)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return apply(heldOrConflict(owner, interviewId),
                record -> record.addActionItem(Ids.newId(), cleanText, dueOn, clock.instant()));
    }

    public NoteRecord completeActionItem(Member owner, String interviewId, String actionItemId) {
        return apply(get(owner, interviewId), record -> record.completeActionItem(actionItemId, clock.instant()));
    }

    public NoteRecord addReferral(Member owner, String interviewId, String name, String employer, String role,
            Boolean mayUseReferrerName) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = Fields.requiredText(name, "name", Referral.MAX_NAME, problems);
        String cleanEmployer = Fields.text(employer, "employer", Referral.MAX_NAME, problems);
        String cleanRole = Fields.text(role, "role", Referral.MAX_NAME, problems);
        if (mayUseReferrerName == null) {
            problems.add(new FieldProblem("mayUseReferrerName", "is required: did the interviewee agree to be named?"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Referral referral = new Referral(Ids.newId(), cleanName, cleanEmployer, cleanRole, mayUseReferrerName, clock.instant());
        return apply(heldOrConflict(owner, interviewId), record -> record.addReferral(referral, clock.instant()));
    }

    public String thankYouDraft(Member owner, String interviewId) {
        NoteRecord record = heldOrConflict(owner, interviewId);
        return record.thankYouDraft();
    }

    public NoteRecord editThankYou(Member owner, String interviewId, String text) {
        return apply(heldOrConflict(owner, interviewId), record -> record.editThankYou(text, clock.instant()));
    }

    /** @param sentAt null: now */
    public NoteRecord markThankYouSent(Member owner, String interviewId, String channel, Instant sentAt) {
        Channel cleanChannel = Fields.requiredOneOf(Channel.class, channel, "channel");
        Instant now = clock.instant();
        return apply(heldOrConflict(owner, interviewId),
                record -> record.markThankYouSent(cleanChannel.name(), sentAt == null ? now : sentAt, now));
    }

    /** Whether it is held is the record's rule (a 409 until InterviewHeld arrives); whose it is, is checked here. */
    private NoteRecord heldOrConflict(Member owner, String interviewId) {
        return ownInterview(owner, interviewId);
    }

    /**
     * The member's record of one of their own interviews: one they have a record of, or one scheduling announced
     * for them. Any other id (another member's interview, or none at all) is a 404, and nothing is stored under it.
     */
    private NoteRecord ownInterview(Member owner, String interviewId) {
        return records.find(owner, interviewId).orElseGet(() -> {
            if (!interviews.knows(owner, interviewId)) {
                throw new NotFoundException("interview", interviewId);
            }
            return NoteRecord.empty(interviewId, owner, clock.instant());
        });
    }

    private NoteRecord apply(NoteRecord current, Function<NoteRecord, Change<NoteRecord>> operation) {
        Change<NoteRecord> change = operation.apply(current);
        records.save(change, current.version());
        return records.find(current.owner(), current.interviewId()).orElse(change.state());
    }

    private static void requireId(String interviewId) {
        if (interviewId == null || !interviewId.matches("[A-Za-z0-9._:-]{1,128}")) {
            throw new InvalidInputException("interviewId", "is not an interview id");
        }
    }
}
