package io.rapport.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingKeyTest {

    @TempDir
    Path root;

    @Test
    void aKeyIsMadeOnceKeptInTheDataFolderForItsOwnerAndReusedOnTheNextRun() throws Exception {
        DataFolder folder = new DataFolder(root.resolve("data"));
        String first = SealingKey.CALENDAR.of(folder, Map.of());

        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(SealingKey.CALENDAR.of(folder, Map.of())).isEqualTo(first);
        Path file = folder.root().resolve("calendar.key");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(SealingKey.CALENDAR.of(new DataFolder(root.resolve("other")), Map.of())).isNotEqualTo(first);
    }

    @Test
    void eachServiceHasItsOwnKeySoAMailboxConnectedInOneRunStillOpensInTheNext() {
        DataFolder folder = new DataFolder(root.resolve("data"));
        String mailbox = SealingKey.MAILBOX.of(folder, Map.of());

        assertThat(mailbox).isNotEqualTo(SealingKey.CALENDAR.of(folder, Map.of()));
        assertThat(SealingKey.MAILBOX.of(folder, Map.of())).isEqualTo(mailbox);
        assertThat(folder.root().resolve("mailbox.key")).exists();
    }

    @Test
    void theLaunchersOwnEnvironmentWins() {
        DataFolder folder = new DataFolder(root.resolve("data"));
        assertThat(SealingKey.CALENDAR.of(folder, Map.of("RAPPORT_CALENDAR_KEY", " given-key "))).isEqualTo("given-key");
        assertThat(SealingKey.MAILBOX.of(folder, Map.of("RAPPORT_MAILBOX_KEY", "mail-key"))).isEqualTo("mail-key");
        assertThat(folder.root().resolve("calendar.key")).doesNotExist();
        assertThat(folder.root().resolve("mailbox.key")).doesNotExist();
    }
}
