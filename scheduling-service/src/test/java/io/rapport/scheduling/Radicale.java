package io.rapport.scheduling;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's Radicale (a real CalDAV server), started on a free loopback port with its storage in a temporary folder
 * and one user (htpasswd, plain), so a test can check what the server holds. Absent where Radicale is not installed.
 */
final class Radicale implements AutoCloseable {

    static final Path PROGRAM = Path.of("/usr/bin/radicale");
    static final String USER = "ada";
    static final String PASSWORD = "radicale-pw-" + java.util.UUID.randomUUID();
    static final String MISSING = "Debian's radicale is not installed (apt-get install radicale; CI's .ci/run installs it)";

    private final Path folder;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    private Radicale(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(PROGRAM);
    }

    static Radicale start() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("radicale");
        Radicale radicale = new Radicale(folder, freePort());
        Files.writeString(folder.resolve("users"), USER + ":" + PASSWORD + "\n");
        Files.writeString(folder.resolve("config"), """
                [server]
                hosts = 127.0.0.1:%d
                [auth]
                type = htpasswd
                htpasswd_filename = %s
                htpasswd_encryption = plain
                [storage]
                filesystem_folder = %s
                [rights]
                type = owner_only
                [logging]
                level = warning
                """.formatted(radicale.port, folder.resolve("users"), folder.resolve("storage")));
        radicale.run();
        return radicale;
    }

    void run() throws IOException, InterruptedException {
        process = new ProcessBuilder(PROGRAM.toString(), "--config", folder.resolve("config").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("radicale.log").toFile()).start();
        Instant until = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(until)) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base() + "/")).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("radicale stopped: " + Files.readString(folder.resolve("radicale.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("radicale did not answer within 20 s");
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A new, empty calendar of the user; its address ends with a slash. */
    String newCalendar() throws IOException, InterruptedException {
        String url = base() + "/" + USER + "/" + java.util.UUID.randomUUID() + "/";
        HttpResponse<String> made = send("MKCALENDAR", url, null);
        if (made.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR answered " + made.statusCode() + ": " + made.body());
        }
        return url;
    }

    HttpResponse<String> put(String url, String icalendar) throws IOException, InterruptedException {
        return send("PUT", url, icalendar);
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send("GET", url, null);
    }

    private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "text/calendar; charset=utf-8");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
