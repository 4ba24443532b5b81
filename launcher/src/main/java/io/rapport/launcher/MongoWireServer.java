package io.rapport.launcher;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-compatible server inside the launcher's JVM, persisting to one H2 MVStore file.
 * In-process because it starts in milliseconds and needs no install; the services cannot tell the difference.
 */
public final class MongoWireServer implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final int port;
    private boolean closed;

    private MongoWireServer(H2Backend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    /** Opens (or creates) the file and listens on 127.0.0.1:port. */
    public static MongoWireServer start(Path file, int port) {
        H2Backend backend;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            backend = new H2Backend(file.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            throw LaunchException.startFailed("MongoDB could not open " + file + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("locked")
                    ? " (is another Rapport using this data folder?)" : ""));
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(PortCheck.LOOPBACK.getHostAddress(), port);
        } catch (RuntimeException e) {
            backend.close();
            throw LaunchException.startFailed("MongoDB could not listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        return new MongoWireServer(backend, server, port);
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /**
     * Disconnects clients first so no write is half-applied, then closes the file, which commits it.
     * shutdownNow() closes the backend itself; the check covers a shutdown that failed half-way.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdownNow();
        } finally {
            if (!backend.getMvStore().isClosed()) {
                backend.close();
            }
        }
    }
}
