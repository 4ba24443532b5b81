package io.rapport.insights.identity;

import io.rapport.platform.domain.Member;
import java.util.Set;

/**
 * Who calls, as the gateway's identity token says: the member id (an advisor's or admin's own id), the tenant and
 * the roles. The gateway already requires the role for {@code /api/insights/admin/**} and
 * {@code /api/insights/advisor/**}; the service checks it again, since a token alone is all it believes.
 */
public record Caller(Member member, Set<String> roles) {

    public static final String MEMBER = "member";
    public static final String ADVISOR = "advisor";
    public static final String ADMIN = "admin";

    public String id() {
        return member.memberId();
    }

    public String tenantId() {
        return member.tenantId();
    }

    public Caller require(String role) {
        if (!roles.contains(role)) {
            throw new RoleRequired(role);
        }
        return this;
    }

    /** A call for which the caller lacks the role: 403, since the path itself says what it needs. */
    public static class RoleRequired extends RuntimeException {
        public RoleRequired(String role) {
            super("This needs the " + role + " role of your organization.");
        }
    }
}
