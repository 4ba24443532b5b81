package io.rapport.contacts.contacts;

/** How quickly a contact answers outreach: replied within 3 business days, later, or never. */
public enum Responsiveness {
    QUICK, SLOW, NON_RESPONDER, NOT_YET_KNOWN;

    public static final int QUICK_WITHIN_BUSINESS_DAYS = 3;

    public static Responsiveness ofLatency(int businessDays) {
        return businessDays <= QUICK_WITHIN_BUSINESS_DAYS ? QUICK : SLOW;
    }
}
