package io.rapport.platform.deadletters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code ./rapport dlt}: lists what sits in the dead-letter topics with the failure of each record, and re-drives
 * chosen records to their original topic once the cause is fixed. Needs only Kafka's client on the class path.
 */
public final class DeadLetterCommand {

    static final String USAGE = """
            Usage:
              ./rapport dlt list [TOPIC.DLT ...]                 what sits in every dead-letter topic (or those named)
              ./rapport dlt redrive TOPIC.DLT --at=P:O[,P:O...]  publish these records (partition:offset) again
              ./rapport dlt redrive TOPIC.DLT --event=ID[,ID...] publish the records of these event ids again
              ./rapport dlt redrive TOPIC.DLT --all              publish every record of the topic again
            Options:
              --kafka=HOST:PORT   the broker (default 127.0.0.1:9092, or the port in RAPPORT_KAFKA_PORT)
            A re-driven record goes to its original topic and partition with its event id: consumers that applied it
            already change nothing. Fix the cause (see the failure in 'list') before re-driving.
            """;

    private DeadLetterCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** @return the exit code: 0 done, 1 Kafka failed, 2 wrong usage */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String kafka = "127.0.0.1:" + env.getOrDefault("RAPPORT_KAFKA_PORT", "9092");
        Set<String> positions = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        boolean all = false;
        for (String arg : args) {
            if (arg.startsWith("--kafka=")) {
                kafka = arg.substring("--kafka=".length());
            } else if (arg.startsWith("--at=")) {
                positions.addAll(Arrays.asList(arg.substring("--at=".length()).split(",")));
            } else if (arg.startsWith("--event=")) {
                eventIds.addAll(Arrays.asList(arg.substring("--event=".length()).split(",")));
            } else if (arg.equals("--all")) {
                all = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            } else if (arg.startsWith("--")) {
                return usage(err, "Unknown option: " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            return usage(err, "Say what to do: list or redrive.");
        }
        String action = positional.getFirst();
        List<String> topics = positional.subList(1, positional.size());
        for (String topic : topics) {
            if (!topic.endsWith(DeadLetters.SUFFIX)) {
                return usage(err, "Not a dead-letter topic: " + topic + " (they end in " + DeadLetters.SUFFIX + ")");
            }
        }
        if (!action.equals("list") && !action.equals("redrive")) {
            return usage(err, "Unknown action: " + action);
        }
        if (action.equals("redrive")) {
            if (topics.size() != 1) {
                return usage(err, "redrive takes one dead-letter topic.");
            }
            int choices = (all ? 1 : 0) + (positions.isEmpty() ? 0 : 1) + (eventIds.isEmpty() ? 0 : 1);
            if (choices != 1) {
                return usage(err, "Choose the records with exactly one of --at, --event or --all.");
            }
        }
        try (DeadLetters deadLetters = new DeadLetters(kafka)) {
            switch (action) {
                case "list" -> {
                    list(deadLetters, topics.isEmpty() ? deadLetters.topics() : topics, out);
                    return 0;
                }
                default -> {
                    boolean everything = all;
                    Predicate<DeadLetter> chosen = letter -> everything || positions.contains(letter.position())
                            || (letter.eventId() != null && eventIds.contains(letter.eventId()));
                    List<DeadLetter> sent = deadLetters.redrive(topics.getFirst(), chosen);
                    for (DeadLetter letter : sent) {
                        out.printf("re-driven %s %s  event %s → %s partition %s%n", letter.topic(), letter.position(),
                                letter.eventId(), letter.originalTopic(), letter.originalPartition());
                    }
                    out.printf("%d record(s) re-driven from %s%n", sent.size(), topics.getFirst());
                    return 0;
                }
            }
        } catch (RuntimeException e) {
            err.println("Kafka at " + kafka + ": " + e.getMessage());
            return 1;
        }
    }

    private static void list(DeadLetters deadLetters, List<String> topics, PrintStream out) {
        if (topics.isEmpty()) {
            out.println("No dead-letter topics.");
        }
        for (String topic : topics) {
            List<DeadLetter> letters = deadLetters.list(topic);
            out.printf("%s: %d record(s)%n", topic, letters.size());
            for (DeadLetter letter : letters) {
                out.printf("  %-8s %s  %s  event %s  key %s%n", letter.position(), letter.parkedAt(), letter.eventType(),
                        letter.eventId(), letter.key());
                out.printf("           from %s partition %s offset %s, failed in %s%n", letter.originalTopic(),
                        letter.originalPartition(), letter.originalOffset(), letter.consumerGroup());
                out.printf("           %s: %s%n", letter.exceptionClass(), letter.exceptionMessage());
            }
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println();
        err.print(USAGE);
        return 2;
    }
}
