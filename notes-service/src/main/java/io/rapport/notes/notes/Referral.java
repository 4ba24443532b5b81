package io.rapport.notes.notes;

import java.time.Instant;

/** Someone the interviewee suggested talking to, and whether the member may say who sent them. */
public record Referral(String id, String name, String employer, String role, boolean mayUseReferrerName,
        Instant recordedAt) {

    public static final int MAX_NAME = 200;

}
