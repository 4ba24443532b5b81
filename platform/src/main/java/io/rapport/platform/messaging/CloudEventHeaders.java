package io.rapport.platform.messaging;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the
 * attributes travel as {@code ce_}-prefixed headers and the payload is the record value, so any
 * Kafka tool can read them.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extensions: lower-case letters and digits only, as the spec requires. */
    public static final String MEMBER = "ce_memberid";
    public static final String TENANT = "ce_tenantid";
    public static final String CORRELATION = "ce_correlationid";
    public static final String SCHEMA_VERSION = "ce_schemaversion";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
