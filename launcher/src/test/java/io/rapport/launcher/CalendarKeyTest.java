package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarKeyTest {

    @TempDir
    Path root;

    @Test
    void aKeyIsMadeOnceKeptInTheDataFolderForItsOwnerAndReusedOnTheNextRun() throws Exception {
        DataFolder folder = new DataFolder(root.resolve("data"));
        String first = CalendarKey.of(folder, Map.of());

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(CalendarKey.of(folder, Map.of())).isEqualTo(first);
        Path file = folder.root().resolve("calendar.key");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(CalendarKey.of(new DataFolder(root.resolve("other")), Map.of())).isNotEqualTo(first);
    }

    @Test
    void theLaunchersOwnEnvironmentWins() {
        DataFolder folder = new DataFolder(root.resolve("data"));
        assertThat(CalendarKey.of(folder, Map.of(CalendarKey.ENV, " given-key "))).isEqualTo("given-key");
        assertThat(folder.root().resolve("calendar.key")).doesNotExist();
    }
}
