package io.rapport.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options for the children: long-running processes, so the full JIT (C1 then C2) that serves requests at
 * full speed, with start-up kept short by class-data sharing rather than by a crippled compiler, and memory kept
 * bounded because the whole embedded default must fit in 2 GiB resident.
 *
 * <p>Start-up: each process runs from extracted jars with an automatic class-data-sharing archive
 * ({@code -XX:+AutoCreateSharedArchive}: written when the process first exits, rewritten by the JVM itself when the
 * jars change), which loads the application's classes pre-parsed. Measured on 2 cores (figures in README.md):
 * C1 only made requests several times slower once running (contacts-service: see the gateway README's figures)
 * while saving only seconds at start.
 *
 * <p>Memory: a small initial heap ({@code -Xms}): otherwise the JVM starts with 1/64 of the machine's memory (384 MB
 * on 24 GiB), and a young generation that size is all touched, so resident, within seconds of starting. The serial collector has the smallest footprint (no remembered sets, no concurrent threads) and,
 * with heaps of a few hundred MB on 2 cores, short pauses; compact object headers (JDK 25+) shrink every object by
 * 4 bytes; code cache, metaspace and thread stacks are capped at what the processes were measured to use, with room.
 */
final class JvmFlags {

    /** Writing an archive lists every class it skips as a warning: hundreds of lines in each log, none useful. */
    private static final String QUIET_CDS = "-Xlog:cds*=error";
    private static final int JAVA = Runtime.version().feature();

    private JvmFlags() {
    }

    /** The Kafka broker (its heap is set by the caller). */
    static List<String> forKafka(Path archive) {
        List<String> flags = longRunning(archive);
        flags.add("-Xms64m");
        flags.add("-XX:MaxMetaspaceSize=128m");
        return List.copyOf(flags);
    }

    /** A Spring Boot service or the gateway. */
    static List<String> forService(Path archive) {
        List<String> flags = longRunning(archive);
        flags.add("-Xms64m");
        flags.add("-Xmx384m");
        flags.add("-XX:MaxMetaspaceSize=256m");
        return List.copyOf(flags);
    }

    /**
     * A small plain (non-Spring) JVM process such as a MongoDB wire server: the same long-running flags with the
     * caller's heap, e.g. {@code forStore(archive, "256m")}.
     */
    static List<String> forStore(Path archive, String maxHeap) {
        List<String> flags = longRunning(archive);
        flags.add("-Xms32m");
        flags.add("-Xmx" + maxHeap);
        flags.add("-XX:MaxMetaspaceSize=96m");
        return List.copyOf(flags);
    }

    private static List<String> longRunning(Path archive) {
        List<String> flags = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:ReservedCodeCacheSize=96m",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive,
                QUIET_CDS));
        if (JAVA >= 25) {
            flags.add(0, "-XX:+UseCompactObjectHeaders");
        }
        return flags;
    }
}
