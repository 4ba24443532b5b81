package io.rapport.web.advisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The caseload's signals in words an advisor reads at a glance, rather than the API's codes. */
final class Signals {

    static final String FOLLOW_UP = "OUTREACH_WITHOUT_FOLLOW_UP";
    static final String THANK_YOU = "NO_THANK_YOU_AFTER_48H";
    static final String INACTIVE = "NO_ACTIVITY_FOR_14_DAYS";

    private Signals() {
    }

    static List<String> inWords(Object signals) {
        List<String> words = new ArrayList<>();
        if (signals instanceof List<?> list) {
            for (Object signal : list) {
                if (signal instanceof Map<?, ?> s) {
                    words.add(inWords(String.valueOf(s.get("kind")), s.get("count") instanceof Number n ? n.intValue() : 1));
                }
            }
        }
        return words;
    }

    static String inWords(String kind, int count) {
        return switch (kind) {
            case FOLLOW_UP -> count + (count == 1 ? " outreach has" : " outreach have")
                    + " waited more than 7 business days with no follow-up";
            case THANK_YOU -> count + (count == 1 ? " interview" : " interviews")
                    + " held over 48 hours ago with no thank-you";
            case INACTIVE -> "No activity for 14 days";
            default -> kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
