package io.rapport.web.admin;

import java.util.List;
import java.util.Locale;

/** The organization's figures (the service's names), each with its label and how its value reads. */
enum FigureFormat {
    ACTIVE_MEMBERS("Active members", Kind.COUNT),
    REPLY_RATE("Reply rate", Kind.SHARE),
    MEDIAN_REPLY_BUSINESS_DAYS("Median business days to reply", Kind.DECIMAL),
    INTERVIEWS_PER_MEMBER("Interviews per active member", Kind.DECIMAL),
    THANK_YOUS_WITHIN_24H("Thank-yous within 24 h", Kind.SHARE),
    THANK_YOUS_WITHIN_48H("Thank-yous within 48 h", Kind.SHARE),
    REFERRALS_PER_INTERVIEW("Referrals per interview", Kind.DECIMAL);

    static final String SUPPRESSED = "suppressed";

    private enum Kind { COUNT, SHARE, DECIMAL }

    private final String label;
    private final Kind kind;

    FigureFormat(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name();
    }

    static List<FigureFormat> all() {
        return List.of(values());
    }

    static FigureFormat parse(String name) {
        for (FigureFormat figure : values()) {
            if (figure.name().equals(name)) {
                return figure;
            }
        }
        return ACTIVE_MEMBERS;
    }

    /** The cell as a person reads it; an absent value is a suppressed cell. */
    public String format(Object value) {
        if (!(value instanceof Number number)) {
            return SUPPRESSED;
        }
        double v = number.doubleValue();
        return switch (kind) {
            case COUNT -> String.valueOf(Math.round(v));
            case SHARE -> Math.round(v * 100) + " %";
            case DECIMAL -> String.format(Locale.ROOT, "%.1f", v);
        };
    }
}
