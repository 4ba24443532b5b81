package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spring Boot's extracted layout of a fat jar (an application jar plus lib/), kept in the data folder and redone
 * only when the fat jar changes. Plain jars on the class path load faster than nested ones and, unlike nested
 * ones, can go into the class-data-sharing archive: measured on 2 cores, all five processes were healthy in
 * about 9 s this way against about 14 s from the fat jars with the same JVM flags.
 */
final class ExtractedJar {

    private static final String STAMP = ".extracted-from";

    private ExtractedJar() {
    }

    /**
     * @param fatJar the jar the build produced
     * @param dir    where its extracted layout lives
     * @param log    where the extraction's output goes, should it fail
     * @return the jar to run: the extracted one, or the fat jar itself if extraction is not possible
     */
    static Path prepare(Path fatJar, Path dir, Path log) {
        String stamp = stampOf(fatJar);
        Path runnable = dir.resolve(fatJar.getFileName());
        if (stamp.equals(read(dir.resolve(STAMP))) && Files.isRegularFile(runnable)) {
            return runnable;
        }
        Path fresh = dir.resolveSibling(dir.getFileName() + ".extracting");
        try {
            DataFolder.deleteTree(fresh);
            DataFolder.deleteTree(dir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            appendQuietly(log, System.lineSeparator() + "===== extracting " + fatJar + " into " + dir + " (once per build, for faster starts)");
            // Same quick-start flags as the services: on a cold start five of these run while Kafka starts.
            Process extraction = new ProcessBuilder(List.of(JavaRuntime.javaExecutable(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", fatJar.toAbsolutePath().toString(), "extract", "--destination", fresh.toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            extraction.getOutputStream().close();
            if (!extraction.waitFor(60, TimeUnit.SECONDS)) {
                extraction.destroyForcibly();
                return fatJar;
            }
            if (extraction.exitValue() != 0 || !Files.isRegularFile(fresh.resolve(fatJar.getFileName()))) {
                return fatJar;
            }
            // Written last and moved in one step: a folder with a stamp is always a complete one.
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            return runnable;
        } catch (IOException | UncheckedIOException e) {
            appendQuietly(log, "Could not extract " + fatJar + " (" + e.getMessage() + "); running the fat jar instead.");
            return fatJar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchException.cancelled();
        }
    }

    /** Size and modification time: a rebuild changes at least one of them, and reading them is instant. */
    private static String stampOf(Path jar) {
        try {
            return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void appendQuietly(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the fallback works without the note
        }
    }
}
