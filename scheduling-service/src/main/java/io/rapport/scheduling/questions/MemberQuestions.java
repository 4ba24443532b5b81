package io.rapport.scheduling.questions;

import io.rapport.platform.domain.Member;
import java.util.List;
import java.util.Optional;

/** The questions members added to their own bank. */
public interface MemberQuestions {

    /** @throws io.rapport.platform.domain.ConflictException when the member already has this question */
    void add(Question question, String normalizedText);

    Optional<Question> find(Member owner, String id);

    Optional<Question> findByText(Member owner, String normalizedText);

    List<Question> list(Member owner);

    long eraseAll(Member owner);
}
