package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses any API request that does not say which member and tenant it is for (401). */
public class MemberIdentityFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Member.class.getName();

    private final ProblemWriter problems;

    public MemberIdentityFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String memberId = request.getHeader(IdentityHeaders.MEMBER);
        String tenantId = request.getHeader(IdentityHeaders.TENANT);
        if (!Member.isValidId(memberId) || !Member.isValidId(tenantId)) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not authenticated",
                    "This request carries no member identity. Call Rapport through its gateway with a member's credentials.");
            return;
        }
        request.setAttribute(ATTRIBUTE, new Member(memberId, tenantId));
        chain.doFilter(request, response);
    }
}
