package io.rapport.platform.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.rapport.platform.domain.Member;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Every document carries {@code tenantId} and {@code memberId}, and every query starts from this
 * criteria, so no read or write can reach another member's documents.
 */
public final class MemberScope {

    private MemberScope() {
    }

    public static Criteria owned(Member owner) {
        return where("tenantId").is(owner.tenantId()).and("memberId").is(owner.memberId());
    }
}
