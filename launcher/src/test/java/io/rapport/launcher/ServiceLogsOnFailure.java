package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A test of the whole system that fails shows why, in its own failure message: what each service logged at WARN or
 * above and whether it restarted (CI keeps only the failure's message, not the children's log files).
 */
final class ServiceLogsOnFailure implements TestExecutionExceptionHandler {

    private static final int LINES_PER_SERVICE = 6;

    private final Supplier<Path> logsDir;

    ServiceLogsOnFailure(Supplier<Path> logsDir) {
        this.logsDir = logsDir;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Path dir = logsDir.get();
        if (dir == null || !Files.isDirectory(dir)) {
            throw failure;
        }
        AssertionError withLogs = new AssertionError(failure.getMessage() + "\n--- what the services logged ---\n"
                + summary(dir), failure);
        throw withLogs;
    }

    static String summary(Path dir) {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                String name = log.getFileName().toString().replace(".log", "");
                if (name.equals("kafka") || name.equals("mongo")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(log);
                long starts = lines.stream().filter(line -> line.startsWith("===== ") && line.contains(" starting at ")).count();
                List<String> notable = new ArrayList<>();
                for (String line : lines) {
                    if (line.contains("\"level\":\"WARN\"") || line.contains("\"level\":\"ERROR\"")) {
                        notable.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
                    }
                }
                out.append(name).append(": started ").append(starts).append(" time(s), ").append(notable.size())
                        .append(" warning(s) or error(s)\n");
                notable.stream().skip(Math.max(0, notable.size() - LINES_PER_SERVICE))
                        .forEach(line -> out.append("  ").append(line).append('\n'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
