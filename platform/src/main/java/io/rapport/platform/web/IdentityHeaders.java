package io.rapport.platform.web;

/**
 * The headers the gateway sets from the authenticated identity. Services trust them because only
 * the gateway can reach them; the gateway removes any a client sends.
 */
public final class IdentityHeaders {
    public static final String MEMBER = "X-Member-Id";
    public static final String TENANT = "X-Tenant-Id";

    private IdentityHeaders() {
    }
}
