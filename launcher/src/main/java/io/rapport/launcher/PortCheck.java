package io.rapport.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds busy ports before anything starts, because a component that cannot bind fails late,
 * deep in its own log, or (worse) the launcher waits on a stranger answering on that port.
 */
public final class PortCheck {

    /** The address every component binds; not "localhost", which may resolve to ::1 first. */
    static final InetAddress LOOPBACK = loopback();

    private PortCheck() {
    }

    /** @throws LaunchException with exit code 2 naming every busy port, its component and how to move it */
    public static void requireFree(Map<PortName, Integer> ports) {
        List<String> problems = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                problems.add(busyMessage(name, port));
            }
        });
        if (!problems.isEmpty()) {
            throw LaunchException.usage(String.join(System.lineSeparator(), problems));
        }
    }

    public static String busyMessage(PortName name, int port) {
        return "Port " + port + " (" + name.key() + ") is already in use. Stop what uses it, or pick another: "
                + name.howToChange();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Binds the loopback address the components will use; the socket closes at once. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the components themselves: a port left in TIME_WAIT by a previous run counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** True once something listens on the loopback port: the cheap readiness probe of a child that starts. */
    static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
