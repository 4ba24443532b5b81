package io.rapport.notes.notes.web;

import io.rapport.notes.notes.ActionItem;
import io.rapport.notes.notes.Entry;
import io.rapport.notes.notes.HeldInterview;
import io.rapport.notes.notes.NoteRecord;
import io.rapport.notes.notes.Preparation;
import io.rapport.notes.notes.Referral;
import io.rapport.notes.notes.ThankYou;
import java.time.Instant;
import java.util.List;

public record NoteRecordResponse(String interviewId, boolean held, HeldInterview interview, String contactName,
        String employer, String role, String consent, boolean permissionToShare, Preparation preparation,
        List<EntryResponse> entries, List<String> takeaways, String advice, List<ActionItem> actionItems,
        List<Referral> referrals, ThankYouResponse thankYou, Instant updatedAt, long version) {

    record EntryResponse(String id, String category, String text, boolean sensitive) {
        static EntryResponse of(Entry entry) {
            return new EntryResponse(entry.id(), entry.category().name(), entry.text(), entry.sensitive());
        }
    }

    record ThankYouResponse(boolean sent, String channel, Instant sentAt, Integer hoursSinceInterview, Boolean late,
            boolean edited) {
        static ThankYouResponse of(ThankYou thankYou) {
            return new ThankYouResponse(thankYou.sent(), thankYou.channel(), thankYou.sentAt(),
                    thankYou.sent() ? thankYou.hoursSinceInterview() : null, thankYou.sent() ? thankYou.late() : null,
                    thankYou.editedDraft() != null);
        }
    }

    static NoteRecordResponse of(NoteRecord record) {
        return new NoteRecordResponse(record.interviewId(), record.isHeld(), record.held(), record.contactName(),
                record.employer(), record.role(), record.consent().name(), record.permissionToShare(),
                record.preparation(), record.entries().stream().map(EntryResponse::of).toList(), record.takeaways(),
                record.advice(), record.actionItems(), record.referrals(), ThankYouResponse.of(record.thankYou()),
                record.updatedAt(), record.version());
    }
}
