package io.rapport.launcher.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code ./rapport faults} runs: how many members, which faults, how long each lasts. */
final class FaultOptions {

    static final String USAGE = """
            Usage: ./rapport faults [--members=N] [--short] [options]

            Starts the embedded default on its own free ports and data folder, drives members through the gateway,
            injects one fault at a time (each after the previous has recovered), then checks every effect the
            members were answered 2xx for is there exactly once. Prints a report per fault; stops everything.

              --members=N          simulated members walking the journey               50 [--short: 6]
              --events=N           events published per second the members' pace aims at 200 [--short: 25]
              --rate=N             requests per second never exceeded in all           400 [--short: 40]
              --short              one fault of each kind, few members (what CI runs)
              --burst=N            reminders made to fall due during the broker outage 200 [--short: 40]
              --kafka-down=S       seconds the broker stays down after kill -9          10
              --freeze=S           seconds a service stays SIGSTOPped                   30
              --instances=N        instances of each service (a service fault kills the first of them)  1
              --caches-wait=S      seconds the load waits for the start-up caches       300 [--short: 0]
              --data-dir=PATH      wiped first                          launcher/target/faults-data
            """;

    int members = 50;
    /** A ceiling: the pace follows {@link #events}. */
    double rate = 400;
    double events = 200;
    boolean shortRun;
    int burst = 200;
    int kafkaDownSeconds = 10;
    int freezeSeconds = 30;
    int instances = 1;
    /** How long to wait before the load for every service's start-up cache (FaultSuite#awaitStartupCaches). */
    int cachesWaitSeconds = 300;
    Path dataDir = Path.of("launcher", "target", "faults-data");

    static FaultOptions parse(List<String> args) {
        FaultOptions o = new FaultOptions();
        if (args.contains("--short")) {
            o.shortRun = true;
            o.members = 6;
            o.rate = 40;
            o.events = 25;
            o.burst = 40;
            // CI checks nothing is lost or doubled, not how fast a restart is: the caches are written meanwhile.
            o.cachesWaitSeconds = 0;
        }
        for (String arg : args) {
            if (arg.equals("--short")) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Unknown option: " + arg);
            }
            String name = arg.substring(2, eq).toLowerCase(Locale.ROOT);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "members" -> o.members = positive(name, value);
                case "rate" -> o.rate = positive(name, value);
                case "events" -> o.events = positive(name, value);
                case "burst" -> o.burst = atLeastZero(name, value);
                case "kafka-down" -> o.kafkaDownSeconds = atLeastZero(name, value);
                case "freeze" -> o.freezeSeconds = positive(name, value);
                case "caches-wait" -> o.cachesWaitSeconds = atLeastZero(name, value);
                case "instances" -> {
                    o.instances = positive(name, value);
                    if (o.instances > io.rapport.launcher.LaunchSettings.MAX_INSTANCES) {
                        throw new IllegalArgumentException("--instances needs a number from 1 to "
                                + io.rapport.launcher.LaunchSettings.MAX_INSTANCES);
                    }
                }
                case "data-dir" -> {
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a folder");
                    }
                    o.dataDir = Path.of(value);
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return o;
    }

    private static int positive(String name, String value) {
        int n = atLeastZero(name, value);
        if (n == 0) {
            throw new IllegalArgumentException("--" + name + " must be at least 1");
        }
        return n;
    }

    private static int atLeastZero(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + value + "'");
    }
}
