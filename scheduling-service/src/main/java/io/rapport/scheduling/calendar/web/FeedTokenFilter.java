package io.rapport.scheduling.calendar.web;

import io.rapport.platform.domain.Member;
import io.rapport.platform.web.MemberFromHeadersFilter;
import io.rapport.platform.web.ProblemWriter;
import io.rapport.scheduling.calendar.FeedTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Calendar apps subscribe to a URL and cannot send headers, so the feed's token is the identity:
 * for {@code /api/calendar/feeds/<token>.ics} only, this filter (ahead of the platform's
 * identity filter) makes the request the token owner's, whatever identity it carried, or
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
        MemberFromHeadersFilter.actAs(request, owner.get());
        chain.doFilter(request, response);
    }
}
