package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports the OS says are free right now, so tests never collide with a running Rapport. */
final class FreePorts {

    private FreePorts() {
    }

    static int one() {
        return take(1).get(0);
    }

    /** All held open together until chosen, so the same port cannot come back twice. */
    static List<Integer> take(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                socket.bind(new InetSocketAddress(PortCheck.LOOPBACK, 0));
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // best effort; the port is free either way once the test JVM exits
                }
            }
        }
    }
}
