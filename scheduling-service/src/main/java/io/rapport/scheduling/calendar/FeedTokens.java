package io.rapport.scheduling.calendar;

import io.rapport.platform.domain.Ids;
import io.rapport.platform.domain.Member;
import io.rapport.platform.domain.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Calendar apps cannot send the member's credentials, so a feed URL carries a random 256-bit token
 * instead. The member can revoke it at any time; then the URL answers 404.
 */
public class FeedTokens {

    /** base64url of 32 random bytes. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeeds feeds;
    private final Clock clock;

    public FeedTokens(CalendarFeeds feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /** A new feed; the token is returned only now and cannot be read back later. */
    public IssuedFeed issue(Member owner) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = new CalendarFeed(Ids.newId(), owner, hash(token), clock.instant());
        feeds.add(feed);
        return new IssuedFeed(feed, token);
    }

    public record IssuedFeed(CalendarFeed feed, String token) {
    }

    /** The member a token opens the feed of, if the token is well-formed and not revoked. */
    public Optional<Member> ownerOf(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return feeds.findByTokenHash(hash(token)).map(CalendarFeed::owner);
    }

    public List<CalendarFeed> list(Member owner) {
        return feeds.list(owner);
    }

    public void revoke(Member owner, String feedId) {
        if (!feeds.revoke(owner, feedId)) {
            throw new NotFoundException("calendar feed", feedId);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
