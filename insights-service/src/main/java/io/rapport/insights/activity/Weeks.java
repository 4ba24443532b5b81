package io.rapport.insights.activity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** ISO weeks in UTC ("2026-W48"): the organization's weekly figures. */
public final class Weeks {

    private Weeks() {
    }

    public static String of(Instant time) {
        ZonedDateTime utc = time.atZone(ZoneOffset.UTC);
        return String.format("%d-W%02d", utc.get(IsoFields.WEEK_BASED_YEAR), utc.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
