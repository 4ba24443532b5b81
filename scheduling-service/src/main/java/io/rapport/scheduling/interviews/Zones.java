package io.rapport.scheduling.interviews;

import io.rapport.platform.domain.Fields;
import io.rapport.platform.domain.FieldProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** IANA time zones as members and contacts give them. */
public final class Zones {

    private Zones() {
    }

    /** An IANA region id (Europe/Berlin) or UTC; offsets like +02:00 are refused because they ignore DST. */
    public static ZoneId parse(String value, String field, List<FieldProblem> problems) {
        String clean = Fields.clean(value);
        if (clean == null) {
            problems.add(new FieldProblem(field, "is required: an IANA time zone such as Europe/Berlin"));
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(clean);
            if (clean.contains("/") || clean.equals("UTC")) {
                return zone;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "is not an IANA time zone such as Europe/Berlin"));
        return null;
    }
}
