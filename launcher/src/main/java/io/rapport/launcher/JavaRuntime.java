package io.rapport.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The JVM the launcher runs on, reused for every child so they all share one tested Java. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static String javaExecutable() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        Optional<String> running = ProcessHandle.current().info().command();
        return running.orElse("java");
    }

    /** The launcher's own class path: it holds Kafka and everything it needs, already resolved by Maven. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /**
     * The launcher's class path without its directories: class-data sharing refuses class paths with non-empty
     * directories, and a child started from the launcher's jars (Kafka, the store) needs none of them.
     */
    static String jarsOnlyClassPath() {
        return java.util.Arrays.stream(classPath().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(entry)))
                .map(entry -> java.nio.file.Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /** setsid(1), where the system has it; see {@link ChildProcess} for why. */
    static Optional<String> setsid() {
        for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            if (new File(candidate).canExecute()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
