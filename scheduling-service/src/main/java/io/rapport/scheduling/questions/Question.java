package io.rapport.scheduling.questions;

import io.rapport.platform.domain.Member;

/**
 * A question in the bank: one of the seeded questions everyone shares (owner null) or one the
 * member added.
 *
 * @param tiara the TIARA step it belongs to, or null
 * @param source where a seeded question comes from, or "member"
 */
public record Question(String id, Member owner, String text, QuestionCategory category, TiaraStep tiara, String source) {

    public boolean seeded() {
        return owner == null;
    }
}
