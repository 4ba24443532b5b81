package io.rapport.launcher.bench;

import java.util.List;
import java.util.Locale;

/**
 * The volumes of one benchmark run. The defaults are issue 12's targets; {@code --quick} is a smoke run of a few
 * minutes (10 members, 1,000 contacts, about 2,000 reminders). Every volume is also a flag ({@code --members=N}).
 */
final class BenchOptions {

    int members = 1000;
    int lowMembers = 10;
    int contactsPerMember = 100;
    double outreachShare = 0.7;
    int interviewsPerMember = 20;
    int pipelineRows = 10_000;
    int rawRecords = 200_000;
    int rawUpserts = 20_000;
    int pointRequests = 2000;
    int listRequests = 500;
    int latencySamples = 60;
    int backgroundEventsPerSecond = 500;
    int idleSeconds = 60;
    int dueReminders = 100_000;
    int concurrency = 12;
    boolean quick;

    static final String USAGE = """
            Usage: ./rapport bench data-path [--quick] [--flag=N ...]

            Starts the embedded default on its own ports (gateway 28080, services 28081-28084, Kafka 29092/29093,
            MongoDB 37018, SMTP sink 32525) and data folder (launcher/target/bench-data, wiped first), measures
            issue 12's targets and prints them with the target beside each, then stops everything.

            Options (defaults are the issue's volumes; --quick sets the smoke-run volumes in brackets):
              --quick                       small volumes, a few minutes
              --members=N                   members seeded at the high level            1000 [10]
              --low-members=N               members seeded at the low level               10 [1]
              --contacts-per-member=N       one LinkedIn import of N rows per member       100 [100]
              --outreach-share=F            share of contacts with an outreach             0.7
              --interviews-per-member=N     interviews scheduled per member                 20 [20]
              --pipeline-rows=N             rows of the pipeline's import                10000 [1000]
              --raw-records=N               records of the raw Kafka consume           200000 [20000]
              --raw-upserts=N               single-document upserts of the raw store     20000 [2000]
              --point-requests=N            GETs and as many PUTs of one contact          2000 [200]
              --list-requests=N             contact-list pages                             500 [100]
              --latency-samples=N           interviews held for the latency target          60 [10]
              --background-events=N         events/s generated meanwhile                   500 [100]
              --idle-seconds=N              the idle measurement's window                   60 [20]
              --due-reminders=N             reminders made to fall due in one minute    100000 [1000]
              --concurrency=N               requests in flight while seeding                12
            """;

    static BenchOptions parse(List<String> args) {
        BenchOptions o = new BenchOptions();
        if (args.contains("--quick")) {
            o.quick = true;
            o.members = 10;
            o.lowMembers = 1;
            o.pipelineRows = 1_000;
            o.rawRecords = 20_000;
            o.rawUpserts = 2_000;
            o.pointRequests = 200;
            o.listRequests = 100;
            o.latencySamples = 10;
            o.backgroundEventsPerSecond = 100;
            o.idleSeconds = 20;
            o.dueReminders = 1_000;
        }
        for (String arg : args) {
            if (arg.equals("--quick")) {
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
                case "low-members" -> o.lowMembers = positive(name, value);
                case "contacts-per-member" -> o.contactsPerMember = positive(name, value);
                case "outreach-share" -> o.outreachShare = share(name, value);
                case "interviews-per-member" -> o.interviewsPerMember = atLeastZero(name, value);
                case "pipeline-rows" -> o.pipelineRows = positive(name, value);
                case "raw-records" -> o.rawRecords = positive(name, value);
                case "raw-upserts" -> o.rawUpserts = positive(name, value);
                case "point-requests" -> o.pointRequests = positive(name, value);
                case "list-requests" -> o.listRequests = positive(name, value);
                case "latency-samples" -> o.latencySamples = positive(name, value);
                case "background-events" -> o.backgroundEventsPerSecond = atLeastZero(name, value);
                case "idle-seconds" -> o.idleSeconds = positive(name, value);
                case "due-reminders" -> o.dueReminders = atLeastZero(name, value);
                case "concurrency" -> o.concurrency = positive(name, value);
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        if (o.lowMembers > o.members) {
            throw new IllegalArgumentException("--low-members (" + o.lowMembers + ") must not exceed --members (" + o.members + ")");
        }
        if (o.interviewsPerMember > o.contactsPerMember) {
            throw new IllegalArgumentException("--interviews-per-member must not exceed --contacts-per-member");
        }
        return o;
    }

    int outreachPerMember() {
        return (int) Math.round(contactsPerMember * outreachShare);
    }

    /** Reminders the seeding makes: two per outreach (3 and 7 business days), three per interview scheduled ahead. */
    long expectedReminders() {
        return (long) members * (2L * outreachPerMember() + 3L * interviewsPerMember);
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
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + value + "'");
    }

    private static double share(String name, String value) {
        try {
            double f = Double.parseDouble(value);
            if (f >= 0 && f <= 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " needs a number from 0 to 1, not '" + value + "'");
    }
}
