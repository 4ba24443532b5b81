package io.rapport.platform.domain;

/**
 * Nothing of that kind with that id belongs to the member. Another member's record is reported
 * the same way, so ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String kind, String id) {
        super("No " + kind + " with id " + id);
    }
}
