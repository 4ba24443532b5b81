package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the identity headers the gateway set (X-Member-Id, X-Tenant-Id) into the request's
 * {@link Member}; an API request without them is refused (401) before any controller.
 */
public class MemberFromHeadersFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Member.class.getName();

    private final ProblemWriter problems;

    public MemberFromHeadersFilter(ProblemWriter problems) {
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
