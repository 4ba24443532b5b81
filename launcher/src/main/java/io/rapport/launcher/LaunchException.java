package io.rapport.launcher;

/**
 * A failure the launcher reports to a person: the message is the whole story (no stack trace),
 * and the exit code tells scripts whether it was their input (2) or the start itself (1).
 */
public class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final int START_FAILED = 1;
    public static final int USAGE = 2;
    /** Ctrl-C while starting: nothing to report, the shutdown hook is already cleaning up. */
    public static final int CANCELLED = 130;

    private final int exitCode;

    public LaunchException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public LaunchException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static LaunchException usage(String message) {
        return new LaunchException(message, USAGE);
    }

    public static LaunchException startFailed(String message) {
        return new LaunchException(message, START_FAILED);
    }

    public static LaunchException cancelled() {
        return new LaunchException("Stopped while starting.", CANCELLED);
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean isCancellation() {
        return exitCode == CANCELLED;
    }
}
