package io.rapport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The layout of the data folder, so every component agrees on where its files live. */
public record DataFolder(Path root) {

    public Path mongoFile() {
        return root.resolve("mongo.mv");
    }

    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    /** Start-up caches: extracted service jars and class-data-sharing archives, which make later starts faster. */
    public Path cdsDir() {
        return root.resolve("cds");
    }

    /** Process ids of the children, so a run after a crash can tell who still holds the ports. */
    public Path pidsDir() {
        return root.resolve("pids");
    }

    public void create() {
        try {
            Files.createDirectories(logsDir());
            Files.createDirectories(kafkaDir());
            Files.createDirectories(cdsDir());
            Files.createDirectories(pidsDir());
        } catch (IOException e) {
            throw LaunchException.startFailed("Cannot create the data folder " + root + ": " + e.getMessage());
        }
    }

    /** Deletes the folder and everything in it; a missing folder is fine. */
    public void delete() {
        deleteTree(root);
    }

    /**
     * Deletes all data and logs but keeps the start-up caches: they hold nothing of the system's state, and
     * rebuilding them makes the next start and stop several seconds slower.
     */
    public void reset() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().equals(cdsDir().getFileName())) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + root, e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
