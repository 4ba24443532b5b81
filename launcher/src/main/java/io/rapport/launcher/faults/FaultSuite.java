package io.rapport.launcher.faults;

import io.rapport.launcher.EmbeddedSystem;
import io.rapport.launcher.LaunchException;
import io.rapport.launcher.LaunchSettings;
import io.rapport.launcher.PortCheck;
import io.rapport.launcher.PortName;
import io.rapport.launcher.bench.DueMinute;
import io.rapport.launcher.faults.Ledger.Journey;
import io.rapport.launcher.faults.Ledger.Step;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./rapport faults}: nothing lost, nothing doubled, under faults. Starts the embedded default on free ports and
 * its own data folder, has members walk the journey through the gateway while a burst of reminders falls due, does
 * one fault at a time to it (each once the previous has recovered), lets the system settle, then checks what the
 * members were answered against what the system holds ({@link SystemChecks}). Prints, per fault, the requests
 * refused during it, the time to recover, and the effects lost and doubled; stops every process it started.
 *
 * <p>Exit status 0 when nothing was lost or doubled and every fault was recovered from (within 4 minutes); a
 * recovery over the 30 s target is reported, not failed: on a shared 2-core machine a JVM's restart alone takes that.
 */
public final class FaultSuite {

    static final String TENANT = "faults-university";
    static final double RECOVERY_TARGET_SECONDS = 30;
    /** Requests made this long before a fault began or after it recovered still count as made during it. */
    static final long ATTRIBUTION_MARGIN_MILLIS = 5_000;

    private final FaultOptions options;
    private final long started = System.nanoTime();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private final LoadAverage load = new LoadAverage();
    /** The consumers' session.timeout.ms (rapport-platform-defaults.properties): with two instances, the longest a
     *  service's route may go unanswered when one of the pair dies (issue 17). */
    static final long SESSION_TIMEOUT_MILLIS = 10_000;

    private FaultSuite(FaultOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help")) {
            System.out.print(FaultOptions.USAGE);
            System.exit(0);
            return;
        }
        FaultOptions options;
        try {
            options = FaultOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(FaultOptions.USAGE);
            System.exit(2);
            return;
        }
        setIfAbsent("org.slf4j.simpleLogger.logFile", options.dataDir.resolveSibling("faults-libraries.log").toString());
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.mongodb", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.com.icegreen", "warn");
        System.exit(new FaultSuite(options).run());
    }

    private int run() {
        List<Fault> faults = Fault.plan(options.shortRun);
        say("Fault suite%s: %d members through the gateway paced to publish %.0f events/s (at most %.0f requests/s), %d"
                        + " reminders falling due, %d faults, %d instance%s of each service; load average now %s",
                options.shortRun ? " (--short)" : "", options.members, options.events, options.rate, options.burst,
                faults.size(), options.instances, options.instances == 1 ? "" : "s", LoadAverage.now());
        LaunchSettings settings = LaunchSettings.defaults().withDataDir(options.dataDir).withReset(true)
                .withReadyTimeout(Duration.ofSeconds(240)).withInstances(options.instances);
        try {
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (PortName name : PortName.values()) {
                int port;
                do {
                    port = freePort();
                } while (!freeForEveryInstance(port, taken));
                for (int i = 0; i < options.instances; i++) {
                    taken.add(port + i * LaunchSettings.INSTANCE_PORT_STEP);
                }
                settings = settings.withPort(name, port);
            }
        } catch (IOException e) {
            System.err.println("No free port: " + e.getMessage());
            return 1;
        }
        MailCatcher mail = startMail();
        try (EmbeddedSystem system = EmbeddedSystem.start(settings, line -> {
            // A crash report ends with the last 30 lines of the child's log: the first line says it all here.
            System.out.println(line.lines().findFirst().orElse("")
                    + (line.contains(System.lineSeparator()) ? " (its log: " + options.dataDir.resolve("logs") + ")" : ""));
            progress.add(line);
        })) {
            say("Up in %.1f s (gateway %s, data %s)", system.startupTime().toMillis() / 1000.0, system.gatewayUri(),
                    options.dataDir);
            awaitStartupCaches(system);
            return drive(system, faults, mail);
        } catch (LaunchException e) {
            System.err.println(e.getMessage());
            return e.exitCode();
        } finally {
            if (mail != null) {
                mail.close();
            }
            load.close();
            say("Stopped everything it started");
        }
    }

    /**
     * The faults hit a system as it is once it has run a while: every service's start-up cache written, which the first
     * minutes after a build lack (a restart then takes about twice the CPU; README, "Figures"). Not waiting, the training
     * runs would wait at the lowest priority behind the load, and the suite would measure the first minute after a build.
     */
    private void awaitStartupCaches(EmbeddedSystem system) {
        if (system.startupCachesWritten().isDone()) {
            return;
        }
        if (options.cachesWaitSeconds == 0) {
            say("Not waiting for the start-up caches (--caches-wait=0): a service killed before its cache restarts cold");
            return;
        }
        long from = System.nanoTime();
        try {
            system.startupCachesWritten().get(options.cachesWaitSeconds, TimeUnit.SECONDS);
            say("Start-up caches written in %.1f s after the system was up", (System.nanoTime() - from) / 1e9);
        } catch (TimeoutException e) {
            say("Start-up caches not all written within %d s: a service killed before its cache restarts cold",
                    options.cachesWaitSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            say("Start-up caches: %s", e.getCause());
        }
    }

    private int drive(EmbeddedSystem system, List<Fault> faults, MailCatcher mail) {
        MemberCalls calls = new MemberCalls(system.gatewayUri(), TENANT);
        Ledger ledger = new Ledger();
        try (KafkaLook kafka = new KafkaLook(system.kafkaBootstrap())) {
            FaultInjector injector = new FaultInjector(system, options, new MemberCalls(system.gatewayUri(), TENANT), kafka,
                    progress);
            long recordsBefore = kafka.total(kafka.topics(t -> t.startsWith("rapport.")));
            JourneyDriver driver = new JourneyDriver(calls, ledger, options.members, options.rate, options.events,
                    () -> kafka.total(kafka.topics(t -> t.startsWith("rapport."))));
            long drivingFrom = System.currentTimeMillis();
            driver.start();
            Optional<DueMinute> burst = ReminderBurst.record(calls, ledger, options.burst, mail != null, this::say);
            driver.steer();
            burst.ifPresent(due -> {
                say("Warming up until the reminders fall due at %s (the broker is killed then)", due.dueAt());
                JourneyDriver.pause(Math.max(0, due.dueAt().toEpochMilli() - System.currentTimeMillis()));
            });
            List<FaultInjector.Result> results = new ArrayList<>();
            String frozen = null;
            try {
                for (Fault fault : faults) {
                    say("Fault %d/%d: %s", results.size() + 1, faults.size(), fault.describe(options));
                    frozen = fault.kind() == Fault.Kind.SERVICE_FROZEN ? fault.target() : null;
                    FaultInjector.Result result = injector.inject(fault);
                    frozen = null;
                    results.add(result);
                    say("  %s%s%s; members' pace now %.0f requests/s", result.recovered() ? "recovered "
                                    + FaultInjector.seconds(result.recoverySeconds()) + " after it was lifted"
                                    : "NOT recovered within " + FaultInjector.RECOVERY_LIMIT_MILLIS / 1000 + " s",
                            result.note().isEmpty() ? "" : " (" + result.note() + ")",
                            result.gapMillis() < 0 ? "" : String.format(Locale.ROOT, ", longest gap between its answers %.1f s",
                                    result.gapMillis() / 1000.0), driver.currentRate());
                    JourneyDriver.pause(5_000); // the members carry on a little before the next fault
                }
            } finally {
                if (frozen != null) {
                    injector.resume(frozen);
                }
            }
            driver.stop();
            double drivenSeconds = (System.currentTimeMillis() - drivingFrom) / 1000.0;
            SystemChecks checks = new SystemChecks(calls, kafka, system.mongoUri(), mail, ledger);
            say("Members stopped; waiting for the system to settle (consumer lag 0, outboxes drained)");
            long settled = checks.settle(Duration.ofMinutes(3).toMillis());
            say("Settled in %.1f s; checking every effect against the ledger", settled / 1000.0);
            long records = kafka.total(kafka.topics(t -> t.startsWith("rapport."))) - recordsBefore;
            checks.run();
            return report(ledger, driver, results, checks, drivenSeconds, records);
        }
    }

    private int report(Ledger ledger, JourneyDriver driver, List<FaultInjector.Result> results, SystemChecks checks,
            double drivenSeconds, long records) {
        List<SystemChecks.Finding> findings = checks.findings();
        List<Ledger.Call> calls = ledger.calls();
        System.out.println();
        say("Report");
        System.out.printf(Locale.ROOT, "Traffic: %,d requests in %.0f s (%.0f/s, at most %.0f/s), %,d events published"
                        + " (%.0f/s aimed at %.0f/s); %,d journeys begun, %,d contacts, %,d outreach, %,d interviews held, %,d notes,"
                        + " %,d thank-yous; %,d effects checked%n", driver.requests(), drivenSeconds, driver.requests() / drivenSeconds,
                options.rate, records, records / drivenSeconds, options.events,
                ledger.journeys().stream().filter(j -> !j.burst).count(),
                ledger.count(Step.CONTACT), ledger.count(Step.OUTREACH), ledger.count(Step.HELD), ledger.count(Step.NOTE),
                ledger.count(Step.THANK_YOU), checks.checkedEffects());
        checks.report().forEach(System.out::println);
        long uncertain = ledger.journeys().stream().filter(j -> j.uncertainStep() != null).count();
        List<Journey> refusedJourneys = ledger.journeys().stream().filter(j -> j.refusedWith() != null).toList();
        System.out.printf(Locale.ROOT, "Journeys ended by an uncertain answer (no answer or 5xx; their last step may or may"
                + " not have taken effect, both are accepted): %d; ended by a 4xx: %d%s%n", uncertain, refusedJourneys.size(),
                refusedJourneys.isEmpty() ? "" : ", e.g. " + refusedJourneys.getFirst() + ": " + refusedJourneys.getFirst().refusedWith());
        System.out.printf(Locale.ROOT, "Load average (1 min, every 5 s) while driving: %s; %d instance%s of each service%n",
                load.range(0, Long.MAX_VALUE), options.instances, options.instances == 1 ? "" : "s");
        String format = "%-26s | %-18s | %-12s | %-11s | %-11s | %4s | %7s | %-9s | %-50s | %s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, format, "fault", "refused during it", "recovered in", "gap: probe",
                "gap: members", "lost", "doubled", "load avg", "launcher", "verdict"));
        table.append("-".repeat(26)).append("-+-").append("-".repeat(18)).append("-+-").append("-".repeat(12))
                .append("-+-").append("-".repeat(11)).append("-+-").append("-".repeat(11))
                .append("-+------+---------+-").append("-".repeat(9)).append("-+-").append("-".repeat(50)).append("-+--------\n");
        boolean gapsMatter = options.instances > 1;
        boolean allRecovered = true;
        long attributed = 0;
        List<String> examples = new ArrayList<>();
        for (FaultInjector.Result r : results) {
            long from = r.injectedMillis() - ATTRIBUTION_MARGIN_MILLIS;
            long to = r.recovered() ? r.recoveredMillis() + ATTRIBUTION_MARGIN_MILLIS : Long.MAX_VALUE;
            long made = calls.stream().filter(c -> r.during(c.startedMillis())).count();
            List<Ledger.Call> refusedCalls = calls.stream().filter(c -> r.during(c.startedMillis()) && c.refused()).toList();
            long refused = refusedCalls.size();
            String byStatus = refusedCalls.stream().collect(java.util.stream.Collectors.groupingBy(
                            c -> c.status() < 0 ? "none" : Integer.toString(c.status()), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting()))
                    .entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
            if (!refusedCalls.isEmpty()) {
                examples.add(String.format(Locale.ROOT, "  %s: %s; e.g. %s", r.fault().label(), byStatus,
                        refusedCalls.getFirst().refusal().length() > 220 ? refusedCalls.getFirst().refusal().substring(0, 220) + "…"
                                : refusedCalls.getFirst().refusal()));
            }
            long lost = findings.stream().filter(f -> f.kind() == SystemChecks.Kind.LOST && f.atMillis() >= from && f.atMillis() <= to).count();
            long doubled = findings.stream().filter(f -> f.kind() == SystemChecks.Kind.DOUBLED && f.atMillis() >= from && f.atMillis() <= to).count();
            attributed += lost + doubled;
            allRecovered &= r.recovered();
            boolean met = lost == 0 && doubled == 0 && r.recovered() && r.recoverySeconds() <= RECOVERY_TARGET_SECONDS;
            boolean serviceFault = r.gapMillis() >= 0;
            long membersGap = serviceFault ? longestGapMillis(calls, r.fault().target(), r.injectedMillis(),
                    r.recovered() ? r.recoveredMillis() : r.injectedMillis() + FaultInjector.RECOVERY_LIMIT_MILLIS)
                    : longestGapMillis(calls, null, r.injectedMillis(), r.recovered() ? r.recoveredMillis()
                    : r.injectedMillis() + FaultInjector.RECOVERY_LIMIT_MILLIS);
            boolean gapTooLong = gapsMatter && serviceFault && Math.max(r.gapMillis(), membersGap) >= SESSION_TIMEOUT_MILLIS;
            String verdict = lost + doubled > 0 || !r.recovered() ? "FAIL"
                    : gapTooLong ? "GAP ≥ 10 s" : met ? "PASS" : "OVER 30 s";
            table.append(String.format(Locale.ROOT, format, r.fault().label(), String.format(Locale.ROOT, "%,d of %,d", refused, made),
                    FaultInjector.seconds(r.recoverySeconds()), serviceFault ? gap(r.gapMillis()) : "—",
                    membersGap < 0 ? "no calls" : gap(membersGap), lost, doubled,
                    load.range(r.injectedMillis(), r.recovered() ? r.recoveredMillis() : Long.MAX_VALUE),
                    r.note().isEmpty() ? "—" : r.note(), verdict));
        }
        long lostAll = findings.stream().filter(f -> f.kind() == SystemChecks.Kind.LOST).count();
        long doubledAll = findings.size() - lostAll;
        System.out.println();
        System.out.print(table);
        System.out.println("Refused during each fault, by status (none: no answer):");
        examples.forEach(System.out::println);
        System.out.println("The recovery probe's failed tries once it could try (after the launcher's \"ready again\"):");
        results.stream().filter(r -> !r.probeFailures().isEmpty())
                .forEach(r -> System.out.printf(Locale.ROOT, "  %s: %s%n", r.fault().label(), r.probeFailures()));
        System.out.printf(Locale.ROOT, "In all: %d lost, %d doubled (%d outside the faults' windows); target 0 lost, 0 doubled,"
                + " recovery ≤ %.0f s per fault%s%n", lostAll, doubledAll, findings.size() - attributed, RECOVERY_TARGET_SECONDS,
                gapsMatter ? String.format(Locale.ROOT, ", and with %d instances no gap ≥ %d s (the consumers' session timeout)"
                        + " in a service's answers when one instance dies or freezes", options.instances,
                        SESSION_TIMEOUT_MILLIS / 1000) : "");
        System.out.println("Gap: the longest time from the fault to its recovery without a successful answer from the"
                + " service hit (probe: a GET sent every 200 ms whether or not the last was answered; members: their calls"
                + " routed to it; for the broker, store and gateway, any member call)");
        findings.stream().limit(40).forEach(f -> System.out.printf(Locale.ROOT, "  %s at %s: %s%n", f.kind(),
                Instant.ofEpochMilli(f.atMillis()), f.what()));
        System.out.printf(Locale.ROOT, "Fault suite done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return findings.isEmpty() && allRecovered ? 0 : 1;
    }

    /**
     * The longest time within [from, to] without an answered call of the service ({@code null}: any), counted from
     * {@code from} and up to {@code to}; -1 when no call went to it in that time.
     */
    static long longestGapMillis(List<Ledger.Call> calls, String service, long from, long to) {
        List<Long> answered = new ArrayList<>();
        boolean any = false;
        for (Ledger.Call c : calls) {
            if ((service == null || service.equals(c.service())) && c.startedMillis() >= from && c.startedMillis() <= to) {
                any = true;
                if (c.answered()) {
                    answered.add(c.startedMillis());
                }
            }
        }
        if (!any) {
            return -1;
        }
        Collections.sort(answered);
        long longest = 0;
        long last = from;
        for (long t : answered) {
            longest = Math.max(longest, t - last);
            last = t;
        }
        return Math.max(longest, to - last);
    }

    private static String gap(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** reminders-service mails the address its SPRING_MAIL_HOST/PORT name; ./rapport faults sets them to this server. */
    private MailCatcher startMail() {
        String host = System.getenv("SPRING_MAIL_HOST");
        String port = System.getenv("SPRING_MAIL_PORT");
        if (host == null || port == null) {
            say("No SPRING_MAIL_HOST/SPRING_MAIL_PORT: reminders-service sends no e-mail, so e-mail is not checked"
                    + " (./rapport faults sets them)");
            return null;
        }
        MailCatcher mail = MailCatcher.start(Integer.parseInt(port.trim()));
        say("SMTP server (GreenMail) on 127.0.0.1:%s: reminders-service mails here", port.trim());
        return mail;
    }

    /** With --instances the second instance listens 100 ports above the first: that port must be free too. */
    private boolean freeForEveryInstance(int port, java.util.Set<Integer> taken) {
        for (int i = 0; i < options.instances; i++) {
            int p = port + i * LaunchSettings.INSTANCE_PORT_STEP;
            if (p > 65535 || taken.contains(p) || (i > 0 && !PortCheck.isFree(p))) {
                return false;
            }
        }
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
