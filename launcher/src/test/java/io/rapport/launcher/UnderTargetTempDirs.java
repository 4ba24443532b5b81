package io.rapport.launcher;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts every {@code @TempDir} under target/tmp whatever java.io.tmpdir says (the JDK reads it once at start-up,
 * so setting it as a surefire system property is too late): Kafka logs and Mongo files a killed run leaves
 * behind then go with mvn clean.
 */
public final class UnderTargetTempDirs implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws Exception {
        Path parent = Files.createDirectories(Path.of("target", "tmp").toAbsolutePath());
        return Files.createTempDirectory(parent, "junit-");
    }
}
