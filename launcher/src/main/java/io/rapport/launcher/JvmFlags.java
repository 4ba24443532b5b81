package io.rapport.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * JVM options for the children, chosen for start-up time on a small machine (2 cores) rather than peak speed:
 * this is a developer's laptop setup, where waiting for the system costs more than a slower JIT.
 *
 * <p>Measured on 2 cores, all five Spring Boot processes healthy (from extracted jars): default flags 26-35 s,
 * C1 only (TieredStopAtLevel=1) with SerialGC 15.5 s, plus a dynamic CDS archive 13.8 s, plus extracted jars 9 s.
 * The archive is written when a process exits the first time (that shutdown takes a few seconds longer) and
 * rewritten by the JVM itself whenever the jars change. A larger initial heap or -XX:-UsePerfData made no
 * measurable difference; a JDK 25 AOT cache saved about 1 s more but needs a separate training run, so it is left out.
 */
final class JvmFlags {

    /** Writing an archive lists every class it skips as a warning: hundreds of lines in each log, none useful. */
    private static final String QUIET_CDS = "-Xlog:cds*=error";

    private JvmFlags() {
    }

    static List<String> forKafka(Path archive) {
        return List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive,
                QUIET_CDS);
    }

    static List<String> forService(Path archive) {
        return List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Xmx384m",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + archive,
                QUIET_CDS);
    }
}
