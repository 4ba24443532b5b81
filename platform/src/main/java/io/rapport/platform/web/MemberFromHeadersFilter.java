package io.rapport.platform.web;

import io.rapport.platform.domain.Member;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the calling {@link Member} from the identity token the gateway signed ({@link IdentityTokens#HEADER}); an
 * API request without a valid one is refused (401) before any controller. The plain {@code X-Member-Id} and
 * {@code X-Tenant-Id} headers prove nothing (any process that reaches the service could send them) and are ignored.
 *
 * <p>A filter of the service itself that has already established the member (a calendar feed's own token) says so
 * with {@link #actAs}; a client cannot, since request attributes never come from the wire.
 */
public class MemberFromHeadersFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = Member.class.getName();

    private final IdentityTokens tokens;
    private final ProblemWriter problems;

    public MemberFromHeadersFilter(IdentityTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    /** Makes the request the member's, for a filter ahead of this one that verified the member its own way. */
    public static void actAs(HttpServletRequest request, Member member) {
        request.setAttribute(ATTRIBUTE, member);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(ATTRIBUTE) instanceof Member) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Member> member = tokens.verify(request.getHeader(IdentityTokens.HEADER));
        if (member.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "Not authenticated",
                    "This request carries no valid member identity. Call Rapport through its gateway with a member's credentials.");
            return;
        }
        request.setAttribute(ATTRIBUTE, member.get());
        chain.doFilter(request, response);
    }
}
