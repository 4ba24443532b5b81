package io.rapport.launcher.faults;

import java.util.ArrayList;
import java.util.List;

/** One fault of the suite: what is done to which process. */
record Fault(Kind kind, String target) {

    enum Kind {
        BROKER_KILLED("kill -9 of the Kafka broker, started again after %d s"),
        SERVICE_KILLED("kill -9 of %s (the launcher restarts it)"),
        STORE_RESTARTED("restart of the Mongo wire server (SIGTERM; the launcher starts it again)"),
        GATEWAY_KILLED("kill -9 of the gateway (the launcher restarts it)"),
        SERVICE_FROZEN("%s frozen (SIGSTOP) for %d s, then resumed (SIGCONT)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    String describe(FaultOptions options) {
        return switch (kind) {
            case BROKER_KILLED -> kind.description.formatted(options.kafkaDownSeconds);
            case SERVICE_KILLED -> kind.description.formatted(target);
            case SERVICE_FROZEN -> kind.description.formatted(target, options.freezeSeconds);
            default -> kind.description;
        };
    }

    /** Short: the name in the report's table. */
    String label() {
        return switch (kind) {
            case BROKER_KILLED -> "kafka kill -9";
            case SERVICE_KILLED -> target + " kill -9";
            case STORE_RESTARTED -> "mongo restart";
            case GATEWAY_KILLED -> "gateway kill -9";
            case SERVICE_FROZEN -> target + " SIGSTOP";
        };
    }

    static final List<String> SERVICES = List.of("contacts-service", "scheduling-service", "notes-service",
            "reminders-service");

    /**
     * In order: the broker first (the reminder burst falls due while it is down), each service, the store, the
     * gateway, a frozen service. The short form has one fault of each kind: reminders-service killed (it holds the
     * delivery lease) and notes-service frozen.
     */
    static List<Fault> plan(boolean shortRun) {
        List<Fault> faults = new ArrayList<>();
        faults.add(new Fault(Kind.BROKER_KILLED, "kafka"));
        for (String service : shortRun ? List.of("reminders-service") : SERVICES) {
            faults.add(new Fault(Kind.SERVICE_KILLED, service));
        }
        faults.add(new Fault(Kind.STORE_RESTARTED, "mongo"));
        faults.add(new Fault(Kind.GATEWAY_KILLED, "gateway"));
        faults.add(new Fault(Kind.SERVICE_FROZEN, shortRun ? "notes-service" : "reminders-service"));
        return faults;
    }
}
