package io.rapport.web.gateway;

/** The member's token is gone or no longer accepted: the page sends them through the sign-in again. */
public final class SignInAgain extends RuntimeException {

    public SignInAgain(String reason) {
        super(reason);
    }
}
