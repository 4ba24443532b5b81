package io.rapport.store;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default's MongoDB wire server as a process of its own: {@code --file=<store.mv> --port=<n>}.
 * Its own process so that its memory is bounded and measured on its own, and a crash of the launcher or a
 * service cannot take the data with it. SIGTERM disconnects clients, then closes the file, which commits it.
 * Prints {@value #READY} once it listens; exits 1 with the reason if it cannot open the file or the port.
 */
public final class StoreServer {

    public static final String READY = "Rapport store ready";
    /** Logged when the store starts compacting its file before it listens (it may take minutes for a large file). */
    public static final String COMPACTING = StoreFileCompaction.STARTED;

    private StoreServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String file = option(args, "--file=");
        String port = option(args, "--port=");
        if (file == null || port == null) {
            System.err.println("usage: StoreServer --file=<path> --port=<port>");
            System.exit(2);
        }
        IndexedH2Backend backend;
        try {
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            backend = IndexedH2Backend.open(Path.of(file).toAbsolutePath().toString());
        } catch (Exception e) {
            System.err.println("MongoDB could not open " + file + ": " + e.getMessage()
                    + (String.valueOf(e.getMessage()).contains("locked") ? " (is another Rapport using this data folder?)" : ""));
            System.exit(1);
            return;
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", Integer.parseInt(port));
        } catch (RuntimeException e) {
            backend.close();
            System.err.println("MongoDB could not listen on 127.0.0.1:" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // shutdownNow() closes the backend; the check covers a shutdown that failed half-way.
            try {
                server.shutdownNow();
            } finally {
                if (!backend.getMvStore().isClosed()) {
                    backend.close();
                }
                stopped.countDown();
            }
        }, "store-shutdown"));
        System.out.println(READY + " on 127.0.0.1:" + port + " (" + file + ")");
        System.out.flush();
        stopped.await();
    }

    private static String option(String[] args, String prefix) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return null;
    }
}
