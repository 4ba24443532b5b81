package io.rapport.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A key a service seals members' stored secrets with — contacts-service their mailbox passwords
 * ({@code rapport.mailbox.key}), scheduling-service their calendar passwords ({@code rapport.calendar.key}) — given
 * to it in the environment, never on the command line. The key in the launcher's own environment wins; otherwise
 * it lives in the data folder next to the data it protects (readable by its owner only), made on the first run and
 * kept across runs, since secrets sealed under another key no longer open.
 */
enum SealingKey {

    MAILBOX("RAPPORT_MAILBOX_KEY", "mailbox.key"),
    CALENDAR("RAPPORT_CALENDAR_KEY", "calendar.key");

    private static final int KEY_BYTES = 32;

    private final String env;
    private final String fileName;

    SealingKey(String env, String fileName) {
        this.env = env;
        this.fileName = fileName;
    }

    String env() {
        return env;
    }

    String of(DataFolder folder, Map<String, String> environment) {
        String given = environment.get(env);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = folder.root().resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(folder.root());
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            return key;
        } catch (IOException e) {
            throw LaunchException.startFailed("Cannot read or create the key " + file + ": " + e.getMessage());
        }
    }
}
