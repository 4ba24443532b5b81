package io.rapport.scheduling.calendar.web;

import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityHeaders;
import io.rapport.platform.web.ProblemWriter;
import io.rapport.scheduling.calendar.FeedTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Calendar apps subscribe to a URL and cannot send headers, so the feed's token is the identity:
 * for {@code /api/calendar/feeds/<token>.ics} only, this filter (ahead of the platform's
 * identity filter) replaces whatever identity headers the request has with the token owner's, or
 * answers 404 for an unknown or revoked token.
 */
public class FeedTokenFilter extends OncePerRequestFilter {

    public static final Pattern FEED_PATH = Pattern.compile("/api/calendar/feeds/([^/]+)\\.ics");

    private final Supplier<FeedTokens> tokens;
    private final ProblemWriter problems;

    /** The tokens are looked up on first use: filters start with the web server, before the database is wired. */
    public FeedTokenFilter(Supplier<FeedTokens> tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !FEED_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = FEED_PATH.matcher(request.getRequestURI());
        Optional<Member> owner = path.matches() ? tokens.get().ownerOf(path.group(1)) : Optional.empty();
        if (owner.isEmpty()) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "Not found",
                    "No calendar feed at this address. It may have been revoked; create a new one in Rapport.");
            return;
        }
        chain.doFilter(new AsMember(request, owner.get()), response);
    }

    /** The request as if the gateway had sent it for the feed's owner. */
    static final class AsMember extends HttpServletRequestWrapper {

        private final Member member;

        AsMember(HttpServletRequest request, Member member) {
            super(request);
            this.member = member;
        }

        @Override
        public String getHeader(String name) {
            if (IdentityHeaders.MEMBER.equalsIgnoreCase(name)) {
                return member.memberId();
            }
            if (IdentityHeaders.TENANT.equalsIgnoreCase(name)) {
                return member.tenantId();
            }
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String identity = IdentityHeaders.MEMBER.equalsIgnoreCase(name) || IdentityHeaders.TENANT.equalsIgnoreCase(name)
                    ? getHeader(name) : null;
            return identity != null ? Collections.enumeration(Set.of(identity)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.add(IdentityHeaders.MEMBER);
            names.add(IdentityHeaders.TENANT);
            return Collections.enumeration(names);
        }
    }
}
