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
 * jars change), which loads the application's classes pre-parsed. A JVM killed with SIGKILL writes nothing, so a
 * service's first archive comes from a training run once the system is up ({@link ArchiveTraining}). Before, start-up was bought with C1 only
 * ({@code -XX:TieredStopAtLevel=1}); measured with {@code scripts/bench-gateway.sh}, contacts-service then answered
 * {@code POST /api/outreach/lint} at 4,000-4,100 requests/s, and at 14,900 (50 µs of CPU each) with the full JIT.
 * Start-up figures, old flags against these in one sitting: README.md, "Figures".
 *
 * <p>Memory: a small initial heap ({@code -Xms}), because otherwise the JVM starts with 1/64 of the machine's memory
 * (384 MB on 24 GiB) and a young generation that large is all touched, so resident, within seconds: with the full
 * JIT and no {@code -Xms} the children held 2,084 MB at rest, with it 1,564-1,585 MB (the C1-only flags: 1,686 MB).
 * The collector is chosen per kind of process (see {@link #SMALLEST_FOOTPRINT} and {@link #HANDS_MEMORY_BACK_AT_REST}):
 * the services and the store hand a heap grown under load back at rest, the broker keeps the smallest footprint.
 * Compact object headers (JDK 25+) save 4 bytes an object. The code cache is capped at
 * 96 MB (the gateway used 27 MB after the benchmark), metaspace and thread stacks are capped too.
 */
final class JvmFlags {

    /** Writing an archive lists every class it skips as a warning: hundreds of lines in each log, none useful. */
    private static final String QUIET_CDS = "-Xlog:cds*=error";
    private static final int JAVA = Runtime.version().feature();

    private JvmFlags() {
    }

    /** The Kafka broker (its heap is set by the caller). */
    static List<String> forKafka(Path archive) {
        List<String> flags = longRunning(automaticArchive(archive), SMALLEST_FOOTPRINT);
        flags.add("-Xms64m");
        flags.add("-XX:MaxMetaspaceSize=128m");
        return List.copyOf(flags);
    }

    /** A Spring Boot service or the gateway. */
    static List<String> forService(Path archive) {
        return service(automaticArchive(archive));
    }

    /**
     * A service's training run ({@link ArchiveTraining}): the service's own flags, so the archive fits its runs, but
     * writing the archive at exit to {@code output} rather than starting from one.
     */
    static List<String> forTraining(Path output) {
        return service(List.of("-XX:ArchiveClassesAtExit=" + output, QUIET_CDS));
    }

    private static List<String> service(List<String> archiveFlags) {
        List<String> flags = longRunning(archiveFlags, HANDS_MEMORY_BACK_AT_REST);
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
        List<String> flags = longRunning(automaticArchive(archive), HANDS_MEMORY_BACK_AT_REST);
        flags.add("-Xms32m");
        flags.add("-Xmx" + maxHeap);
        flags.add("-XX:MaxMetaspaceSize=96m");
        return List.copyOf(flags);
    }

    /**
     * The serial collector: the smallest footprint (no remembered sets, no concurrent threads), short pauses with
     * heaps of a few hundred MB; but it gives memory back only after a full collection, which rest never brings.
     * Tried G1 with a periodic collection for the Kafka broker too: measured with {@code ./rapport bench data-path
     * --quick} it then held 488 MiB at rest instead of ~240, so the broker keeps this one.
     */
    private static final List<String> SMALLEST_FOOTPRINT = List.of("-XX:+UseSerialGC");

    /**
     * G1 with a periodic collection (JEP 346): after 60 s without a collection it runs a concurrent cycle, which
     * shrinks the heap back towards what is live. Under the data-path benchmark's load each service's serial heap
     * grew towards its 384 MB cap and stayed there at rest (insights-service 587 MiB resident, reminders 474,
     * scheduling 404, the store 492); with this, at the same volumes, 396, 267, 293 and 409 MiB. The price is CPU at
     * rest: the whole system went from 3.7 % to 5.3 % of a core with a 30 s interval, and 5.15 % with 60 s, so the
     * extra is G1's own and not the periodic cycles (README "Figures", session 8).
     */
    private static final List<String> HANDS_MEMORY_BACK_AT_REST = List.of(
            "-XX:+UseG1GC",
            "-XX:G1PeriodicGCInterval=60000",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30");

    private static List<String> automaticArchive(Path archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, QUIET_CDS);
    }

    private static List<String> longRunning(List<String> archiveFlags, List<String> collector) {
        List<String> flags = new ArrayList<>(collector);
        flags.addAll(List.of("-Xss512k", "-XX:ReservedCodeCacheSize=96m"));
        flags.addAll(archiveFlags);
        if (JAVA >= 25) {
            flags.add(0, "-XX:+UseCompactObjectHeaders");
        }
        if (JAVA >= 22) {
            // Native memory the JVM frees (the JIT compilers' arenas above all) stays with the C library's allocator
            // until trimmed: after the data-path benchmark's seeding, `jcmd <pid> System.trim_native_heap` handed back
            // 35-100 MB per service. Trimming every 10 s costs a few milliseconds when there is something to hand back.
            flags.add("-XX:TrimNativeHeapInterval=10000");
        }
        return flags;
    }
}
