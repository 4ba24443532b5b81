package io.rapport.scheduling.questions.persistence;

import static io.rapport.platform.persistence.MemberScope.owned;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.ConflictException;
import io.rapport.platform.domain.Member;
import io.rapport.platform.persistence.OwnedDocuments;
import io.rapport.scheduling.questions.MemberQuestions;
import io.rapport.scheduling.questions.Question;
import io.rapport.scheduling.questions.QuestionCategory;
import io.rapport.scheduling.questions.TiaraStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The member's own questions; a unique index on the normalized text refuses a duplicate even when two requests race. */
@Repository
class MongoMemberQuestions implements MemberQuestions {

    static final String COLLECTION = "questions";

    private final OwnedDocuments<Question> documents;

    MongoMemberQuestions(MongoTemplate mongo) {
        this.documents = new OwnedDocuments<>(mongo, COLLECTION, MongoMemberQuestions::toQuestion);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("memberId", Sort.Direction.ASC)
                .on("normalizedText", Sort.Direction.ASC).unique().named("one_question_per_text"));
    }

    @Override
    public void add(Question question, String normalizedText) {
        try {
            documents.insert(new Document("_id", question.id())
                    .append("tenantId", question.owner().tenantId())
                    .append("memberId", question.owner().memberId())
                    .append("text", question.text())
                    .append("normalizedText", normalizedText)
                    .append("category", question.category().name())
                    .append("tiara", question.tiara() == null ? null : question.tiara().name()));
        } catch (DuplicateKeyException raced) {
            String existing = findByText(question.owner(), normalizedText).map(Question::id).orElse("");
            throw new ConflictException("This question is already in your bank", Map.of("existingQuestionId", existing));
        }
    }

    @Override
    public Optional<Question> find(Member owner, String id) {
        return documents.find(owner, id);
    }

    @Override
    public Optional<Question> findByText(Member owner, String normalizedText) {
        return documents.findOne(owner, where("normalizedText").is(normalizedText));
    }

    @Override
    public List<Question> list(Member owner) {
        return documents.all(owner);
    }

    @Override
    public long eraseAll(Member owner) {
        return documents.deleteAll(owner);
    }

    private static Question toQuestion(Document d) {
        String tiara = d.getString("tiara");
        return new Question(d.getString("_id"), new Member(d.getString("memberId"), d.getString("tenantId")),
                d.getString("text"), QuestionCategory.valueOf(d.getString("category")),
                tiara == null ? null : TiaraStep.valueOf(tiara), "member");
    }
}
