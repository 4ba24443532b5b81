package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmFlagsTest {

    @Test
    void aTrainingRunWritesItsArchiveAtExitWithTheFlagsTheServiceRunsWith() {
        List<String> service = JvmFlags.forService(Path.of("/cds/contacts-service.jsa"));
        List<String> training = JvmFlags.forTraining(Path.of("/cds/contacts-service.jsa.training"));

        assertThat(training).contains("-XX:ArchiveClassesAtExit=/cds/contacts-service.jsa.training")
                .noneMatch(flag -> flag.contains("SharedArchiveFile") || flag.contains("AutoCreateSharedArchive"));
        // The JVM refuses an archive written under other settings (object headers, collector): the service would start cold.
        assertThat(withoutArchive(training)).isEqualTo(withoutArchive(service));
    }

    private static List<String> withoutArchive(List<String> flags) {
        return flags.stream().filter(flag -> !flag.contains("Archive")).toList();
    }
}
