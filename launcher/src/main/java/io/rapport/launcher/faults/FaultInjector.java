package io.rapport.launcher.faults;

import io.rapport.launcher.EmbeddedSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does one fault to the running system as an operator's bad day would: signals to the processes the launcher noted
 * in {@code <data>/pids/} (kill -9, SIGTERM, SIGSTOP/SIGCONT), and for the broker the launcher's own kill, so that it
 * stays down for the chosen time (the supervisor would otherwise start it again after 1 s). Then it waits, probing
 * through the gateway as a member, until the system does again what the fault broke.
 */
final class FaultInjector {

    /** Beyond this a fault counts as not recovered and the suite goes on. */
    static final long RECOVERY_LIMIT_MILLIS = 240_000;
    /**
     * How long a fault waits for its target to be running again: after a fault not recovered in time the launcher may
     * still be restarting it (between two starts it has no pid noted), and the next fault waits for it rather than
     * ending the whole suite without a report, as a SIGSTOP to a reminders-service between starts once did.
     */
    static final long TARGET_RUNNING_LIMIT_MILLIS = 60_000;
    private static final String PROBE = "fault-probe";

    private final EmbeddedSystem system;
    private final FaultOptions options;
    private final MemberCalls probe;
    private final KafkaLook kafka;
    private final List<String> progress;
    private final AtomicInteger probeContacts = new AtomicInteger();

    FaultInjector(EmbeddedSystem system, FaultOptions options, MemberCalls probe, KafkaLook kafka, List<String> progress) {
        this.system = system;
        this.options = options;
        this.probe = probe;
        this.kafka = kafka;
        this.progress = progress;
    }

    /**
     * @param injectedMillis when the fault began
     * @param liftedMillis   when its cause ended: the broker started again, the process resumed; for a kill, the
     *                       kill itself (the launcher does the rest)
     * @param recoveredMillis when the probe first succeeded again; -1 if not within {@link #RECOVERY_LIMIT_MILLIS}
     * @param note            what the launcher said (its restart delay and time); for the broker, how long it took to
     *                        answer again after its start (the rest of the recovery is the clients')
     * @param gapMillis       for a service fault, the longest time its route went without a successful answer to a
     *                        probe asking every 200 ms from the fault on ({@link GapWatch}); -1 for other faults
     * @param probeFailures   what the recovery probe met once it could try (the launcher had said "ready again"):
     *                        how many tries failed and the slowest, with its answer; empty when the first try worked
     */
    record Result(Fault fault, long injectedMillis, long liftedMillis, long recoveredMillis, String note, long gapMillis,
                  String probeFailures) {
        boolean recovered() {
            return recoveredMillis >= 0;
        }

        double recoverySeconds() {
            return recovered() ? (recoveredMillis - liftedMillis) / 1000.0 : Double.NaN;
        }

        /** The window whose requests count as made during the fault. */
        boolean during(long millis) {
            return millis >= injectedMillis && millis <= (recovered() ? recoveredMillis : Long.MAX_VALUE);
        }
    }

    Result inject(Fault fault) {
        int linesBefore = progress.size();
        Path targetPid = pidFile(fault.target());
        if (fault.kind() != Fault.Kind.BROKER_KILLED && runningPid(targetPid, TARGET_RUNNING_LIMIT_MILLIS).isEmpty()) {
            long now = System.currentTimeMillis();
            return new Result(fault, now, now, -1, "not injected: " + fault.target() + " had no running process noted"
                    + " in " + targetPid + " for " + TARGET_RUNNING_LIMIT_MILLIS / 1000 + " s", -1, "");
        }
        boolean serviceFault = fault.kind() == Fault.Kind.SERVICE_KILLED || fault.kind() == Fault.Kind.SERVICE_FROZEN;
        GapWatch gaps = serviceFault ? new GapWatch(() -> probe.get(GapWatch.MEMBER, route(fault.target()))) : null;
        long injected = System.currentTimeMillis();
        long lifted;
        String brokerStart = "";
        switch (fault.kind()) {
            case BROKER_KILLED -> {
                system.killKafka();
                JourneyDriver.pause(options.kafkaDownSeconds * 1000L);
                lifted = System.currentTimeMillis();
                system.startKafka();
                brokerStart = String.format(Locale.ROOT, "broker answering %.1f s after its start",
                        (System.currentTimeMillis() - lifted) / 1000.0);
            }
            case SERVICE_KILLED, GATEWAY_KILLED -> {
                signal("KILL", fault.target());
                lifted = injected;
            }
            case STORE_RESTARTED -> {
                signal("TERM", fault.target());
                lifted = injected;
            }
            case SERVICE_FROZEN -> {
                signal("STOP", fault.target());
                try {
                    JourneyDriver.pause(options.freezeSeconds * 1000L);
                } finally {
                    signal("CONT", fault.target());
                }
                lifted = System.currentTimeMillis();
            }
            default -> throw new IllegalStateException(fault.toString());
        }
        ProbeTries tries = new ProbeTries();
        long recovered = awaitRecovery(fault, lifted, linesBefore, tries);
        long gap = -1;
        if (gaps != null) {
            gaps.close();
            gap = gaps.longestGapMillis();
        }
        String said = launcherSaid(fault, linesBefore);
        return new Result(fault, injected, lifted, recovered, brokerStart.isEmpty() ? said : brokerStart, gap,
                tries.summary());
    }

    /** Resumes a frozen process should the suite stop while it is frozen (a stopped JVM cannot even be terminated). */
    void resume(String target) {
        try {
            signal("CONT", target);
        } catch (RuntimeException ignored) {
            // not running any more
        }
    }

    private long awaitRecovery(Fault fault, long lifted, int linesBefore, ProbeTries tries) {
        long deadline = lifted + RECOVERY_LIMIT_MILLIS;
        boolean restartedByLauncher = fault.kind() == Fault.Kind.SERVICE_KILLED || fault.kind() == Fault.Kind.GATEWAY_KILLED
                || fault.kind() == Fault.Kind.STORE_RESTARTED;
        while (System.currentTimeMillis() < deadline) {
            if (!restartedByLauncher || said(fault.target() + " ready again", linesBefore)) {
                long tried = System.currentTimeMillis();
                String failure = failure(fault);
                if (failure == null) {
                    return System.currentTimeMillis();
                }
                tries.failed(System.currentTimeMillis() - tried, failure);
            }
            JourneyDriver.pause(250);
        }
        return -1;
    }

    /** What the fault broke, done again through the gateway: null when it works, otherwise what did not. */
    private String failure(Fault fault) {
        return switch (fault.kind()) {
            case BROKER_KILLED, STORE_RESTARTED -> eventRoundTripFailure();
            case GATEWAY_KILLED -> failedGet("/api/contacts?limit=1");
            case SERVICE_KILLED -> failedGet(route(fault.target()));
            case SERVICE_FROZEN -> {
                String get = failedGet(route(fault.target()));
                if (get != null) {
                    yield get;
                }
                String group = kafka.groupState(fault.target());
                yield group.toUpperCase(Locale.ROOT).startsWith("STABLE") ? null
                        : "consumer group " + fault.target() + " " + group;
            }
        };
    }

    private String failedGet(String path) {
        MemberCalls.Answer answer = probe.get(PROBE, path);
        return answer.ok() ? null : "GET " + path + " → " + answer;
    }

    /** A contact written through the gateway and known to scheduling-service by its ContactAdded within 5 s. */
    private String eventRoundTripFailure() {
        int n = probeContacts.incrementAndGet();
        MemberCalls.Answer created = probe.post(PROBE, "/api/contacts", "{\"name\": \"Probe " + n + "\", \"email\": \"probe"
                + n + "." + UUID.randomUUID().toString().substring(0, 8) + "@faults.example\"}");
        if (!created.ok()) {
            return "POST /api/contacts → " + created;
        }
        long until = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < until) {
            if (probe.get(PROBE, "/api/scheduling/contacts/" + created.text("id")).ok()) {
                return null;
            }
            JourneyDriver.pause(100);
        }
        return "the new contact's ContactAdded had not reached scheduling-service 5 s after its 201";
    }

    /**
     * The recovery probe's failed tries, for the report: why a fault took longer than the launcher's "ready again"
     * (the gateway's recovery was once 15 s after it, unexplained by the report alone).
     */
    static final class ProbeTries {
        private int failed;
        private long slowestMillis = -1;
        private String slowest = "";

        void failed(long tookMillis, String failure) {
            failed++;
            if (tookMillis > slowestMillis) {
                slowestMillis = tookMillis;
                slowest = failure;
            }
        }

        String summary() {
            if (failed == 0) {
                return "";
            }
            String what = slowest.length() > 200 ? slowest.substring(0, 200) + "…" : slowest;
            return String.format(Locale.ROOT, "%d tr%s failed, the slowest in %.1f s: %s", failed, failed == 1 ? "y" : "ies",
                    slowestMillis / 1000.0, what);
        }
    }

    static String route(String service) {
        return switch (service) {
            case "contacts-service" -> "/api/contacts?limit=1";
            case "scheduling-service" -> "/api/interviews?limit=1";
            case "notes-service" -> "/api/notes";
            case "reminders-service" -> "/api/reminders";
            default -> throw new IllegalArgumentException(service);
        };
    }

    private boolean said(String prefix, int from) {
        synchronized (progress) {
            return progress.subList(from, progress.size()).stream().anyMatch(line -> line.startsWith(prefix));
        }
    }

    /** The launcher's own words about the fault: "exit 137, restarted after 1 s, ready again in 14.2 s". */
    private String launcherSaid(Fault fault, int from) {
        List<String> said = new java.util.ArrayList<>();
        java.util.regex.Pattern words = java.util.regex.Pattern.compile(
                "stopped unexpectedly \\((exit \\d+)\\); (restarting in \\d+ s)|(ready again in [\\d.]+ s)");
        synchronized (progress) {
            for (String line : progress.subList(from, progress.size())) {
                String first = line.lines().findFirst().orElse("");
                if (first.startsWith(fault.target() + " ")) {
                    var matcher = words.matcher(first);
                    if (matcher.find()) {
                        if (matcher.group(1) != null) {
                            said.add(matcher.group(1));
                            said.add(matcher.group(2));
                        } else {
                            said.add(matcher.group(3));
                        }
                    }
                }
            }
        }
        return String.join(", ", said);
    }

    private void signal(String signal, String name) {
        long pid = pid(name);
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** As an operator finds it: the pid the launcher noted in the data folder. */
    private long pid(String name) {
        Path file = pidFile(name);
        return notedPid(file).orElseThrow(() -> new IllegalStateException("No pid noted for " + name + " in " + file));
    }

    private Path pidFile(String name) {
        return system.dataDir().resolve("pids").resolve(name + ".pid");
    }

    /**
     * The pid noted in {@code file} once it names a live process, waiting up to {@code limitMillis}; empty if none did
     * by then (no file, no number in it yet, or a process that has ended).
     */
    static OptionalLong runningPid(Path file, long limitMillis) {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (true) {
            OptionalLong pid = notedPid(file);
            if (pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
                return pid;
            }
            if (System.currentTimeMillis() >= deadline) {
                return OptionalLong.empty();
            }
            JourneyDriver.pause(250);
        }
    }

    private static OptionalLong notedPid(Path file) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException notYet) {
            return OptionalLong.empty();
        }
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "not recovered" : String.format(Locale.ROOT, "%.1f s", s);
    }
}
