package io.rapport.gateway.correlation;

/** A request's correlation id ({@code X-Request-Id}) and W3C {@code traceparent}, as the service receives them. */
public record Correlation(String requestId, String traceparent) {

    public static final String ATTRIBUTE = Correlation.class.getName();
    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
}
