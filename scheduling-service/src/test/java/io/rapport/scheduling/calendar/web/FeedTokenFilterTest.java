package io.rapport.scheduling.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.platform.domain.Member;
import io.rapport.platform.web.IdentityHeaders;
import io.rapport.platform.web.IdentityTokens;
import io.rapport.platform.web.MemberFromHeadersFilter;
import io.rapport.platform.web.ProblemWriter;
import io.rapport.scheduling.calendar.CalendarFeed;
import io.rapport.scheduling.calendar.CalendarFeeds;
import io.rapport.scheduling.calendar.FeedTokens;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class FeedTokenFilterTest {

    private final InMemoryFeeds feeds = new InMemoryFeeds();
    private final FeedTokens tokens = new FeedTokens(feeds, Clock.systemUTC());
    private final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());
    private final FeedTokenFilter filter = new FeedTokenFilter(() -> tokens, problems);

    @Test
    void aValidTokenMakesTheRequestTheOwnersReplacingAnyIdentityItCarried() throws Exception {
        Member alice = new Member("alice", "uni-1");
        String token = tokens.issue(alice).token();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/calendar/feeds/" + token + ".ics");
        request.addHeader(IdentityHeaders.MEMBER, "mallory");
        request.addHeader(IdentityHeaders.TENANT, "uni-1");
        request.addHeader("Accept", "text/calendar");
        List<Object> reached = new ArrayList<>();
        HttpServlet controller = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                reached.add(req.getAttribute(Member.class.getName()));
            }
        };
        MemberFromHeadersFilter platformFilter = new MemberFromHeadersFilter(
                new IdentityTokens("feed-token-filter-test-secret-of-32-bytes-or-more"), problems);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new MockFilterChain(controller, filter, platformFilter).doFilter(request, response);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(reached).as("the platform's identity filter lets the feed's owner through, no identity token needed")
                .containsExactly(alice);
    }

    @Test
    void anUnknownRevokedOrMalformedTokenIsA404ProblemAndGoesNoFurther() throws Exception {
        Member alice = new Member("alice", "uni-1");
        FeedTokens.IssuedFeed issued = tokens.issue(alice);
        tokens.revoke(alice, issued.feed().id());

        for (String token : List.of(issued.token(), "B".repeat(43), "short", "%2e%2e")) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", "/api/calendar/feeds/" + token + ".ics"), response, chain);

            assertThat(response.getStatus()).as(token).isEqualTo(404);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(chain.getRequest()).as("the controller is never reached").isNull();
        }
    }

    @Test
    void otherPathsPassUntouched() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/calendar/feeds");
        request.addHeader(IdentityHeaders.MEMBER, "alice");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    static final class InMemoryFeeds implements CalendarFeeds {
        private final List<CalendarFeed> feeds = new ArrayList<>();

        @Override
        public void add(CalendarFeed feed) {
            feeds.add(feed);
        }

        @Override
        public Optional<CalendarFeed> findByTokenHash(String tokenHash) {
            return feeds.stream().filter(f -> f.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public List<CalendarFeed> list(Member owner) {
            return feeds.stream().filter(f -> f.owner().equals(owner)).toList();
        }

        @Override
        public boolean revoke(Member owner, String feedId) {
            return feeds.removeIf(f -> f.owner().equals(owner) && f.id().equals(feedId));
        }

        @Override
        public long eraseAll(Member owner) {
            return feeds.removeIf(f -> f.owner().equals(owner)) ? 1 : 0;
        }
    }
}
