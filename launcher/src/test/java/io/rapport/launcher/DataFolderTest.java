package io.rapport.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @TempDir
    Path dir;

    @Test
    void resetDeletesDataAndLogsButKeepsTheStartUpCaches() throws Exception {
        DataFolder folder = new DataFolder(dir.resolve("data"));
        folder.create();
        Files.writeString(folder.mongoFile(), "documents");
        Files.createDirectories(folder.kafkaDir().resolve("logs"));
        Files.writeString(folder.kafkaDir().resolve("logs/meta.properties"), "cluster.id=x");
        Files.writeString(folder.logFile("kafka"), "started");
        Files.writeString(folder.cdsDir().resolve("gateway.jsa"), "archive");

        folder.reset();

        assertThat(folder.mongoFile()).doesNotExist();
        assertThat(folder.kafkaDir()).doesNotExist();
        assertThat(folder.logsDir()).doesNotExist();
        assertThat(folder.cdsDir().resolve("gateway.jsa")).hasContent("archive");
    }

    @Test
    void deleteRemovesEverythingAndAMissingFolderIsFine() {
        DataFolder folder = new DataFolder(dir.resolve("data"));
        folder.create();

        folder.delete();
        folder.delete();
        folder.reset();

        assertThat(folder.root()).doesNotExist();
    }
}
