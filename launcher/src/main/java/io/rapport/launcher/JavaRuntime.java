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
