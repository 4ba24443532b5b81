package io.rapport.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start and where: the data folder, whether to wipe it first, and every port.
 * A port comes from its flag, else its environment variable, else its default.
 *
 * @param dataDir      holds the Mongo file, the Kafka logs, process logs and class-data archives
 * @param reset        delete the data folder before starting
 * @param demo         load a demo member once up
 * @param ports        one entry for every {@link PortName}
 * @param repoRoot     where the module folders (and their target/*.jar) are
 * @param readyTimeout how long each component may take to become ready
 * @param instances    how many instances of each service (not of the gateway, Kafka or the store): the second
 *                     listens on its service's port + {@value #INSTANCE_PORT_STEP}, the third + 2 x that
 */
public record LaunchSettings(Path dataDir, boolean reset, boolean demo, Map<PortName, Integer> ports,
                             Path repoRoot, Duration readyTimeout, int instances) {

    public static final int MAX_INSTANCES = 4;
    public static final int INSTANCE_PORT_STEP = 100;

    public static final Path DEFAULT_DATA_DIR = Path.of(".rapport-data");
    /**
     * 240 s: the first start after a build, every child extracting its jar and writing its class-data archive at once,
     * took 106-123 s per service on 2 cores in a CI run (session 22; the gateway 136 s of process time), past the
     * 120 s this was. A child that exits is reported at once whatever the limit.
     */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(240);

    public LaunchSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        EnumMap<PortName, Integer> complete = new EnumMap<>(PortName.class);
        for (PortName name : PortName.values()) {
            complete.put(name, ports.getOrDefault(name, name.defaultPort()));
        }
        ports = Collections.unmodifiableMap(complete);
        if (instances < 1 || instances > MAX_INSTANCES) {
            throw LaunchException.usage("--instances needs a number from 1 to " + MAX_INSTANCES + ", not " + instances + ".");
        }
    }

    public LaunchSettings(Path dataDir, boolean reset, boolean demo, Map<PortName, Integer> ports, Path repoRoot,
            Duration readyTimeout) {
        this(dataDir, reset, demo, ports, repoRoot, readyTimeout, 1);
    }

    /** The defaults, run from the current directory. */
    public static LaunchSettings defaults() {
        return new LaunchSettings(DEFAULT_DATA_DIR, false, false, Map.of(), Path.of(""), DEFAULT_READY_TIMEOUT);
    }

    public static LaunchSettings parse(List<String> args, Map<String, String> env) {
        EnumMap<PortName, Integer> ports = new EnumMap<>(PortName.class);
        for (PortName name : PortName.values()) {
            String value = env.get(name.envVar());
            if (value != null && !value.isBlank()) {
                ports.put(name, parsePort(value, name.envVar()));
            }
        }
        Path dataDir = DEFAULT_DATA_DIR;
        boolean reset = false;
        boolean demo = false;
        int instances = 1;
        for (String arg : args) {
            if (arg.equals("--reset")) {
                reset = true;
            } else if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.equals("--data-dir") || arg.startsWith("--data-dir=")) {
                String value = arg.substring("--data-dir".length()).replaceFirst("^=", "");
                if (value.isBlank()) {
                    throw LaunchException.usage("--data-dir needs a folder: --data-dir=PATH");
                }
                dataDir = Path.of(value);
            } else if (arg.startsWith("--instances=")) {
                instances = parseInstances(arg.substring("--instances=".length()));
            } else {
                PortName name = portFlag(arg);
                if (name == null) {
                    throw LaunchException.usage("Unknown option: " + arg);
                }
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                ports.put(name, parsePort(value, name.flag()));
            }
        }
        LaunchSettings settings = new LaunchSettings(dataDir, reset, demo, ports, Path.of(""), DEFAULT_READY_TIMEOUT,
                instances);
        settings.requireDistinctPorts();
        return settings;
    }

    public int port(PortName name) {
        return ports.get(name);
    }

    public LaunchSettings withDataDir(Path dir) {
        return new LaunchSettings(dir, reset, demo, ports, repoRoot, readyTimeout, instances);
    }

    public LaunchSettings withReset(boolean wanted) {
        return new LaunchSettings(dataDir, wanted, demo, ports, repoRoot, readyTimeout, instances);
    }

    public LaunchSettings withPort(PortName name, int port) {
        EnumMap<PortName, Integer> changed = new EnumMap<>(ports);
        changed.put(name, port);
        return new LaunchSettings(dataDir, reset, demo, changed, repoRoot, readyTimeout, instances);
    }

    public LaunchSettings withRepoRoot(Path root) {
        return new LaunchSettings(dataDir, reset, demo, ports, root, readyTimeout, instances);
    }

    public LaunchSettings withReadyTimeout(Duration timeout) {
        return new LaunchSettings(dataDir, reset, demo, ports, repoRoot, timeout, instances);
    }

    public LaunchSettings withInstances(int count) {
        return new LaunchSettings(dataDir, reset, demo, ports, repoRoot, readyTimeout, count);
    }

    /** The port of a service's {@code instance} (0 is the first, on the service's own port). */
    public int instancePort(PortName name, int instance) {
        return port(name) + instance * INSTANCE_PORT_STEP;
    }

    /** The ports of the second and further instances, named as people would say them ("contacts #2"). */
    public Map<String, Integer> extraInstancePorts() {
        Map<String, Integer> extra = new java.util.LinkedHashMap<>();
        for (int instance = 1; instance < instances; instance++) {
            for (RapportService service : RapportService.values()) {
                if (service.ownsData()) {
                    extra.put(service.port().key() + " #" + (instance + 1), instancePort(service.port(), instance));
                }
            }
        }
        return extra;
    }

    /** Two components on one port would fail late and confusingly, so refuse it up front. */
    void requireDistinctPorts() {
        for (PortName a : PortName.values()) {
            for (PortName b : PortName.values()) {
                if (a.ordinal() < b.ordinal() && port(a) == port(b)) {
                    throw LaunchException.usage("Port " + port(a) + " is given to both " + a.key() + " and " + b.key()
                            + ": each needs its own (" + b.howToChange() + ").");
                }
            }
        }
        extraInstancePorts().forEach((instance, port) -> {
            for (PortName name : PortName.values()) {
                if (port(name) == port) {
                    throw LaunchException.usage("Port " + port + " is given to both " + name.key() + " and " + instance
                            + " (--instances puts each further instance " + INSTANCE_PORT_STEP + " ports above the first).");
                }
            }
            if (port > 65535) {
                throw LaunchException.usage(instance + " would listen on port " + port + ", above 65535: choose lower ports.");
            }
        });
    }

    private static int parseInstances(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw LaunchException.usage("--instances needs a number from 1 to " + MAX_INSTANCES + ", not '" + value + "'.");
        }
    }

    private static PortName portFlag(String arg) {
        for (PortName name : PortName.values()) {
            if (arg.equals(name.flag()) || arg.startsWith(name.flag() + "=")) {
                return name;
            }
        }
        return null;
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the same words as an out-of-range number
        }
        throw LaunchException.usage(source + " needs a port number from 1 to 65535, not '" + value + "'.");
    }

    public static String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: ./rapport run [options]

                Starts Rapport on this machine: a MongoDB wire server (saved to the data folder), a Kafka broker,
                the four services and the gateway. Ctrl-C stops everything.

                Options:
                  --data-dir=PATH             where data and logs are kept (default: .rapport-data)
                  --reset                     delete the data folder first, starting from nothing
                  --demo                      load a demo member once up
                  --instances=N               N instances of each service (1 to 4, default 1), the gateway balancing
                                              across them; instance k listens on its service's port + 100 x (k-1)
                  --help                      show this text
                """);
        for (PortName name : PortName.values()) {
            text.append(String.format("  %-27s %-23s (default %d, or %s)%n",
                    name.flag() + "=N", name.key() + " port", name.defaultPort(), name.envVar()));
        }
        text.append(String.format("%nEnvironment:%n  RAPPORT_IDENTITY_SECRET     the secret the gateway signs each request's identity with"
                + " for the services%n                              (at least 32 bytes; default: a new random one each run)%n"
                + "  RAPPORT_MAILBOX_KEY         the AES key sealing members' mailbox passwords (base64 of 32 bytes;"
                + "%n                              default: one made on the first run, kept in the data folder)%n"
                + "  RAPPORT_CALENDAR_KEY        the AES key sealing members' calendar passwords (base64 of 32 bytes;"
                + "%n                              default: one made on the first run, kept in the data folder)%n"));
        return text.toString();
    }
}
