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
 * The key scheduling-service seals members' calendar passwords with ({@code rapport.calendar.key}), given to it in
 * the environment ({@value #ENV}), never on the command line. {@value #ENV} in the launcher's own environment wins;
 * otherwise the key lives in the data folder next to the data it protects (readable by its owner only), made on the
 * first run and kept across runs, since stored secrets sealed under another key no longer open.
 */
final class CalendarKey {

    static final String ENV = "RAPPORT_CALENDAR_KEY";
    private static final int KEY_BYTES = 32;

    private CalendarKey() {
    }

    static String of(DataFolder folder, Map<String, String> environment) {
        String given = environment.get(ENV);
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        Path file = folder.root().resolve("calendar.key");
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
            throw LaunchException.startFailed("Cannot read or create the calendar key " + file + ": " + e.getMessage());
        }
    }
}
