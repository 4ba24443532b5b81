package io.rapport.platform.web;

/**
 * The plain identity headers the gateway used to set. Services no longer believe them (anyone who reaches a
 * service could send them): the member comes from the signed {@link IdentityTokens#HEADER} only. The gateway still
 * removes any a client sends, and the names stay for tests that check a bare header is refused.
 */
public final class IdentityHeaders {
    public static final String MEMBER = "X-Member-Id";
    public static final String TENANT = "X-Tenant-Id";

    private IdentityHeaders() {
    }
}
