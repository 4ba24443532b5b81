package io.rapport.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.rapport.launcher.faults.Ledger.Journey;
import io.rapport.launcher.faults.Ledger.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * After the faults, what the members were told against what the system holds: through the gateway (contacts and
 * their stages, outreach, interviews, reminders and their statuses, the synthesis's support counts), on Kafka (each
 * fact published once: distinct event ids per entity; every ReminderDue once; dead-letter topics empty), in the store
 * (every outbox drained) and in the SMTP server (one e-mail per reminder). Each effect missing is LOST, each one
 * there twice DOUBLED, with the time of the request that caused it so the report can name the fault.
 */
final class SystemChecks {

    enum Kind { LOST, DOUBLED }

    record Finding(Kind kind, String what, long atMillis) {
    }

    static final List<String> TOPICS = List.of("rapport.contacts", "rapport.scheduling", "rapport.notes", "rapport.reminders");
    /** The facts that happen once per entity, and the payload field naming it. */
    static final Map<String, String> ONCE = Map.of("ContactAdded", "contactId", "OutreachSent", "outreachId",
            "OutreachReplied", "outreachId", "InterviewScheduled", "interviewId", "InterviewHeld", "interviewId",
            "ThankYouSent", "interviewId", "NoteRecorded", "interviewId", "ReminderDue", "reminderId");

    private final MemberCalls gateway;
    private final KafkaLook kafka;
    private final String mongoUri;
    private final MailCatcher mail;
    private final Ledger ledger;
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());
    /** type → entity id → distinct event ids, and how many records in all. */
    private final Map<String, Map<String, Set<String>>> events = new HashMap<>();
    private final Map<String, Long> eventTimes = new HashMap<>();
    private long records;
    private long redelivered;
    private final AtomicLong checkedEffects = new AtomicLong();

    SystemChecks(MemberCalls gateway, KafkaLook kafka, String mongoUri, MailCatcher mail, Ledger ledger) {
        this.gateway = gateway;
        this.kafka = kafka;
        this.mongoUri = mongoUri;
        this.mail = mail;
        this.ledger = ledger;
    }

    List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    List<String> report() {
        synchronized (report) {
            return List.copyOf(report);
        }
    }

    long checkedEffects() {
        return checkedEffects.get();
    }

    /**
     * Until every consumer group has caught up, no topic grows and no outbox holds an event, three checks in a row a
     * second apart; at most {@code limitMillis}.
     */
    long settle(long limitMillis) {
        long t0 = System.currentTimeMillis();
        int quiet = 0;
        long total = -1;
        while (quiet < 3 && System.currentTimeMillis() - t0 < limitMillis) {
            try {
                long lag = kafka.totalLag();
                long now = kafka.total(kafka.topics(t -> t.startsWith("rapport.")));
                long pending = outboxPending().values().stream().mapToLong(Long::longValue).sum();
                quiet = lag == 0 && now == total && pending == 0 ? quiet + 1 : 0;
                total = now;
            } catch (RuntimeException notYet) {
                quiet = 0;
            }
            JourneyDriver.pause(1000);
        }
        return System.currentTimeMillis() - t0;
    }

    void run() {
        readEvents();
        checkEventsOnce();
        checkMembers();
        checkBurstDeliveries();
        checkMail();
        checkOutboxes();
        checkDeadLetters();
    }

    // ------------------------------------------------------------------ Kafka

    private void readEvents() {
        Set<String> seen = new HashSet<>();
        kafka.readAll(TOPICS, record -> {
            records++;
            String type = KafkaLook.header(record, "ce_type");
            String id = KafkaLook.header(record, "ce_id");
            if (type == null || id == null) {
                return;
            }
            if (!seen.add(id)) {
                redelivered++;
            }
            String simple = type.substring(type.lastIndexOf('.') + 1);
            String field = ONCE.get(simple);
            if (field == null) {
                return;
            }
            try {
                String entity = MemberCalls.JSON.readTree(record.value()).path(field).asText(null);
                if (entity != null) {
                    events.computeIfAbsent(simple, t -> new HashMap<>()).computeIfAbsent(entity, e -> new HashSet<>()).add(id);
                    eventTimes.put(simple + "/" + entity, record.timestamp());
                }
            } catch (IOException unreadable) {
                // counted by its absence
            }
        });
        report.add(String.format(Locale.ROOT, "Kafka: %,d records on %s; %,d of them a second copy of an event id already"
                + " seen (at-least-once delivery: consumers skip them)", records, String.join(", ", TOPICS), redelivered));
    }

    /** Each fact published under one event id: a second id for the same entity is a second fact, a doubled effect. */
    private void checkEventsOnce() {
        for (var type : events.entrySet()) {
            for (var entity : type.getValue().entrySet()) {
                if (entity.getValue().size() > 1) {
                    findings.add(new Finding(Kind.DOUBLED, type.getKey() + " for " + entity.getKey() + " published under "
                            + entity.getValue().size() + " event ids " + entity.getValue(), eventTimes.get(type.getKey() + "/" + entity.getKey())));
                }
            }
        }
    }

    private boolean published(String type, String entity) {
        return entity != null && events.getOrDefault(type, Map.of()).containsKey(entity);
    }

    // ------------------------------------------------------------------ the public API, member by member

    private void checkMembers() {
        Map<String, List<Journey>> byMember = ledger.journeys().stream()
                .collect(Collectors.groupingBy(j -> j.member, LinkedHashMap::new, Collectors.toList()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (var member : byMember.entrySet()) {
            pool.submit(() -> {
                try {
                    checkMember(member.getKey(), member.getValue());
                } catch (RuntimeException e) {
                    report.add("Could not check " + member.getKey() + ": " + e.getMessage());
                    findings.add(new Finding(Kind.LOST, "the checks of " + member.getKey() + " could not run: " + e.getMessage(),
                            System.currentTimeMillis()));
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(15, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkMember(String member, List<Journey> journeys) {
        Map<String, List<JsonNode>> contactsByEmail = new HashMap<>();
        Map<String, JsonNode> contactsById = new HashMap<>();
        String after = null;
        do {
            JsonNode page = getOk(member, "/api/contacts?limit=100" + (after == null ? "" : "&after=" + after));
            for (JsonNode contact : page.path("items")) {
                contactsById.put(contact.path("id").asText(), contact);
                contactsByEmail.computeIfAbsent(contact.path("email").asText("").toLowerCase(Locale.ROOT), e -> new ArrayList<>())
                        .add(contact);
            }
            after = page.path("nextCursor").asText(null);
        } while (after != null && !after.isBlank());
        Map<String, List<JsonNode>> reminders = new HashMap<>();
        for (JsonNode reminder : getOk(member, "/api/reminders/export").path("reminders")) {
            reminders.computeIfAbsent(reminder.path("rule").asText() + "/" + reminder.path("subjectId").asText(),
                    k -> new ArrayList<>()).add(reminder);
        }
        Map<String, Integer> interviewsPerContact = new HashMap<>();
        JsonNode interviews = getOk(member, "/api/interviews?limit=200");
        for (JsonNode interview : interviews.isArray() ? interviews : interviews.path("items")) {
            interviewsPerContact.merge(interview.path("contactId").asText(), 1, Integer::sum);
        }
        Map<String, Journey> bySubject = new HashMap<>();
        for (Journey j : journeys) {
            if (j.outreachId != null) {
                bySubject.put(j.outreachId, j);
            }
            if (j.interviewId != null) {
                bySubject.put(j.interviewId, j);
            }
            if (j.contactId != null) {
                bySubject.put(j.contactId, j);
            }
            checkJourney(member, j, contactsById, contactsByEmail, reminders, interviewsPerContact);
        }
        // One reminder per (member, rule, subject): any second one is a doubled effect, whatever caused it.
        for (var entry : reminders.entrySet()) {
            if (entry.getValue().size() > 1) {
                String subject = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
                Journey j = bySubject.get(subject);
                findings.add(new Finding(Kind.DOUBLED, member + ": " + entry.getValue().size() + " reminders " + entry.getKey(),
                        j == null ? System.currentTimeMillis() : j.at(Step.CONTACT)));
            }
        }
        checkSynthesis(member, journeys);
    }

    private void checkJourney(String member, Journey j, Map<String, JsonNode> contactsById,
            Map<String, List<JsonNode>> contactsByEmail, Map<String, List<JsonNode>> reminders,
            Map<String, Integer> interviewsPerContact) {
        String email = ("c" + j.index + "." + member + "@faults.example").toLowerCase(Locale.ROOT);
        int sameEmail = contactsByEmail.getOrDefault(email, List.of()).size();
        if (j.burst) {
            email = null;
        }
        if (j.has(Step.CONTACT)) {
            checkedEffects.incrementAndGet();
            if (!contactsById.containsKey(j.contactId)) {
                lost(j, Step.CONTACT, "contact " + j.contactId + " answered 201 but not listed");
                return;
            }
            lostUnless(published("ContactAdded", j.contactId), j, Step.CONTACT, "no ContactAdded on Kafka for " + j.contactId);
        }
        if (email != null && sameEmail > 1) {
            doubled(j, Step.CONTACT, sameEmail + " contacts with the e-mail " + email);
        }
        if (!j.has(Step.CONTACT)) {
            return;
        }
        JsonNode contact = contactsById.get(j.contactId);
        if (j.mayHave(Step.OUTREACH)) {
            int outreach = listed(getOk(member, "/api/contacts/" + j.contactId + "/outreach")).size();
            if (j.has(Step.OUTREACH)) {
                checkedEffects.incrementAndGet();
                lostUnless(outreach >= 1, j, Step.OUTREACH, "outreach " + j.outreachId + " answered 201 but not listed");
                lostUnless(published("OutreachSent", j.outreachId), j, Step.OUTREACH, "no OutreachSent for " + j.outreachId);
            }
            if (outreach > 1) {
                doubled(j, Step.OUTREACH, outreach + " outreach recorded for contact " + j.contactId + " (one was sent)");
            }
        }
        if (j.has(Step.OUTREACH) && !j.burst) {
            boolean replied = j.has(Step.REPLY);
            for (String rule : List.of("WRITE_TO_SECOND_CONTACT", "FOLLOW_UP_ONCE")) {
                List<JsonNode> found = reminders.getOrDefault(rule + "/" + j.outreachId, List.of());
                checkedEffects.incrementAndGet();
                if (found.isEmpty()) {
                    lost(j, Step.OUTREACH, rule + " reminder missing for outreach " + j.outreachId);
                } else if (replied && !"CANCELLED".equals(found.getFirst().path("status").asText())) {
                    lost(j, Step.REPLY, rule + " for " + j.outreachId + " is " + found.getFirst().path("status").asText()
                            + " after the reply (expected CANCELLED)");
                } else if (!j.mayHave(Step.REPLY) && "CANCELLED".equals(found.getFirst().path("status").asText())) {
                    doubled(j, Step.OUTREACH, rule + " for " + j.outreachId + " CANCELLED without a reply");
                }
            }
        }
        if (j.has(Step.REPLY)) {
            checkedEffects.incrementAndGet();
            lostUnless(published("OutreachReplied", j.outreachId), j, Step.REPLY, "no OutreachReplied for " + j.outreachId);
        }
        int interviews = interviewsPerContact.getOrDefault(j.contactId, 0);
        if (j.has(Step.PROPOSED)) {
            checkedEffects.incrementAndGet();
            lostUnless(interviews >= 1, j, Step.PROPOSED, "interview " + j.interviewId + " answered 201 but not listed");
        }
        if (interviews > 1) {
            doubled(j, Step.PROPOSED, interviews + " interviews with contact " + j.contactId + " (one was proposed)");
        }
        for (Step step : List.of(Step.SCHEDULED, Step.HELD, Step.NOTE, Step.THANK_YOU)) {
            if (j.has(step)) {
                checkedEffects.incrementAndGet();
                String type = switch (step) {
                    case SCHEDULED -> "InterviewScheduled";
                    case HELD -> "InterviewHeld";
                    case NOTE -> "NoteRecorded";
                    default -> "ThankYouSent";
                };
                lostUnless(published(type, j.interviewId), j, step, "no " + type + " for " + j.interviewId);
            }
        }
        if (j.has(Step.HELD)) {
            for (String rule : List.of("WRITE_NOTES", "SEND_THANK_YOU")) {
                checkedEffects.incrementAndGet();
                List<JsonNode> found = reminders.getOrDefault(rule + "/" + j.interviewId, List.of());
                if (found.isEmpty()) {
                    lost(j, Step.HELD, rule + " reminder missing for held interview " + j.interviewId);
                } else if (rule.equals("SEND_THANK_YOU")) {
                    String status = found.getFirst().path("status").asText();
                    if (j.has(Step.THANK_YOU) && !status.equals("CLOSED")) {
                        lost(j, Step.THANK_YOU, "SEND_THANK_YOU for " + j.interviewId + " is " + status + " after the thank-you");
                    }
                }
            }
        }
        if (j.has(Step.THANK_YOU)) {
            for (String key : List.of("REPORT_ON_ADVICE/" + j.interviewId, "CHECK_IN/" + j.interviewId,
                    "KEEP_IN_TOUCH/" + j.contactId)) {
                checkedEffects.incrementAndGet();
                if (reminders.getOrDefault(key, List.of()).isEmpty()) {
                    lost(j, Step.THANK_YOU, key + " reminder missing after the thank-you");
                }
            }
        }
        String stage = contact.path("stage").asText();
        Set<String> allowed = new HashSet<>();
        Step last = null;
        for (Step step : Step.values()) {
            if (j.has(step)) {
                last = step;
            }
        }
        allowed.add(stageAfter(last));
        if (j.uncertainStep() != null) {
            allowed.add(stageAfter(j.uncertainStep()));
        }
        if (!j.burst && !allowed.contains(stage)) {
            checkedEffects.incrementAndGet();
            lost(j, last, "contact " + j.contactId + " is at " + stage + ", expected " + allowed);
        }
    }

    /** The contact's stage once a step's events are applied. */
    static String stageAfter(Step step) {
        return switch (step) {
            case OUTREACH -> "OUTREACH_SENT";
            case REPLY, PROPOSED -> "REPLIED";
            case SCHEDULED, CONFIRMED -> "SCHEDULED";
            case HELD, NOTE -> "INTERVIEWED";
            case THANK_YOU -> "THANKED";
            default -> "IDENTIFIED";
        };
    }

    /** The interviews supporting the recurring "SQL" theme: each noted interview counted once. */
    private void checkSynthesis(String member, List<Journey> journeys) {
        Set<String> noted = new HashSet<>();
        Set<String> mayBe = new HashSet<>();
        long latest = 0;
        for (Journey j : journeys) {
            if (j.has(Step.NOTE)) {
                noted.add(j.interviewId);
                latest = Math.max(latest, j.at(Step.NOTE));
            }
            if (j.mayHave(Step.NOTE) && j.interviewId != null) {
                mayBe.add(j.interviewId);
            }
        }
        if (noted.isEmpty()) {
            return;
        }
        checkedEffects.incrementAndGet();
        JsonNode synthesis = getOk(member, "/api/synthesis");
        JsonNode best = null;
        for (JsonNode theme : synthesis.findParents("interviewIds")) {
            if (best == null || theme.path("interviewCount").asInt() > best.path("interviewCount").asInt()) {
                best = theme;
            }
        }
        if (best == null) {
            findings.add(new Finding(Kind.LOST, member + ": no theme in the synthesis after " + noted.size() + " notes", latest));
            return;
        }
        List<String> ids = new ArrayList<>();
        best.path("interviewIds").forEach(id -> ids.add(id.asText()));
        Set<String> distinct = new HashSet<>(ids);
        int count = best.path("interviewCount").asInt();
        if (ids.size() != distinct.size() || count != distinct.size() || !mayBe.containsAll(distinct)) {
            findings.add(new Finding(Kind.DOUBLED, member + ": theme '" + best.path("label").asText() + "' counts " + count
                    + " interviews, " + distinct.size() + " distinct of " + ids.size() + " listed, " + mayBe.size()
                    + " noted", latest));
        }
        Set<String> missing = new HashSet<>(noted);
        missing.removeAll(distinct);
        for (Journey j : journeys) {
            if (missing.contains(j.interviewId)) {
                lost(j, Step.NOTE, "interview " + j.interviewId + " does not support the synthesis theme '"
                        + best.path("label").asText() + "'");
            }
        }
    }

    // ------------------------------------------------------------------ reminders due, mail, outboxes, dead letters

    /** Every reminder of the burst delivered to the inbox once and announced once on Kafka. */
    private void checkBurstDeliveries() {
        List<Journey> burst = ledger.journeys().stream().filter(j -> j.burst && j.has(Step.OUTREACH)).toList();
        if (burst.isEmpty()) {
            return;
        }
        Map<String, JsonNode> byOutreach = new ConcurrentHashMap<>();
        for (String member : burst.stream().map(j -> j.member).distinct().toList()) {
            for (JsonNode reminder : getOk(member, "/api/reminders/export").path("reminders")) {
                if (reminder.path("rule").asText().equals("WRITE_TO_SECOND_CONTACT")) {
                    byOutreach.put(reminder.path("subjectId").asText(), reminder);
                }
            }
        }
        int delivered = 0;
        for (Journey j : burst) {
            checkedEffects.incrementAndGet();
            JsonNode reminder = byOutreach.get(j.outreachId);
            if (reminder == null) {
                lost(j, Step.OUTREACH, "burst reminder for outreach " + j.outreachId + " missing");
                continue;
            }
            String status = reminder.path("status").asText();
            if (!status.equals("DELIVERED")) {
                lost(j, Step.OUTREACH, "burst reminder " + reminder.path("id").asText() + " is " + status + ", not DELIVERED");
                continue;
            }
            delivered++;
            lostUnless(published("ReminderDue", reminder.path("id").asText()), j, Step.OUTREACH,
                    "no ReminderDue for delivered reminder " + reminder.path("id").asText());
        }
        report.add(String.format(Locale.ROOT, "Reminder burst: %d of %d delivered to the inbox; %,d ReminderDue events in all,"
                + " none for the same reminder under two event ids unless listed below", delivered, burst.size(),
                events.getOrDefault("ReminderDue", Map.of()).size()));
    }

    /** One e-mail per delivered reminder: the same subject to the same member twice is a second delivery. */
    private void checkMail() {
        if (mail == null) {
            report.add("E-mail: not checked (no SMTP server)");
            return;
        }
        List<MailCatcher.Mail> mails = mail.received();
        Map<MailCatcher.Mail, Long> counts = mails.stream().collect(Collectors.groupingBy(m ->
                new MailCatcher.Mail(m.to(), m.subject().replaceFirst("^\\[late\\] ", "")), Collectors.counting()));
        long twice = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > 1) {
                twice++;
                findings.add(new Finding(Kind.DOUBLED, "e-mail sent " + entry.getValue() + " times: " + entry.getKey(),
                        System.currentTimeMillis()));
            }
        }
        List<Journey> burst = ledger.journeys().stream().filter(j -> j.burst && j.has(Step.OUTREACH)).toList();
        for (Journey j : burst) {
            checkedEffects.incrementAndGet();
            String employer = "at Employer " + j.member + " " + j.index + ":";
            if (counts.keySet().stream().noneMatch(m -> m.subject().contains(employer))) {
                lost(j, Step.OUTREACH, "no e-mail for the burst reminder of " + j.outreachId);
            }
        }
        report.add(String.format(Locale.ROOT, "E-mail (GreenMail): %,d received, %,d distinct, %d sent more than once",
                mails.size(), counts.size(), twice));
    }

    private void checkOutboxes() {
        Map<String, Long> pending = outboxPending();
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            findings.add(new Finding(Kind.LOST, "outbox not drained: " + pending, System.currentTimeMillis()));
        }
        report.add("Outboxes: " + (total == 0 ? "all drained" : total + " documents still hold events " + pending));
    }

    /** Documents whose outbox still holds events, per database and collection (through the relay's sparse index). */
    Map<String, Long> outboxPending() {
        Map<String, Long> pending = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(mongoUri + "/?serverSelectionTimeoutMS=5000")) {
            for (String db : List.of("rapport-contacts", "rapport-scheduling", "rapport-notes", "rapport-reminders")) {
                MongoDatabase database = client.getDatabase(db);
                for (String collection : database.listCollectionNames()) {
                    long n = database.getCollection(collection).countDocuments(Filters.exists("outboxSince"));
                    if (n > 0) {
                        pending.put(db + "." + collection, n);
                    }
                }
            }
        }
        return pending;
    }

    private void checkDeadLetters() {
        List<String> dlts = kafka.topics(t -> t.endsWith(".DLT"));
        long total = kafka.total(dlts);
        if (total > 0) {
            List<String> explained = new ArrayList<>();
            kafka.readAll(dlts, record -> {
                if (explained.size() < 10) {
                    explained.add(record.topic() + " " + KafkaLook.header(record, "ce_type") + " "
                            + KafkaLook.header(record, "kafka_dlt-exception-message"));
                }
            });
            findings.add(new Finding(Kind.LOST, total + " records in dead-letter topics, e.g. " + explained,
                    System.currentTimeMillis()));
        }
        report.add("Dead-letter topics: " + dlts.size() + ", " + (total == 0 ? "all empty" : total + " records"));
    }

    // ------------------------------------------------------------------ plumbing

    private void lost(Journey j, Step step, String what) {
        findings.add(new Finding(Kind.LOST, j.member + ": " + what, j.at(step) == 0 ? j.uncertainAt() : j.at(step)));
    }

    private void lostUnless(boolean present, Journey j, Step step, String what) {
        if (!present) {
            lost(j, step, what);
        }
    }

    private void doubled(Journey j, Step step, String what) {
        long at = j.at(step) != 0 ? j.at(step) : j.uncertainAt();
        findings.add(new Finding(Kind.DOUBLED, j.member + ": " + what, at));
    }

    private static JsonNode listed(JsonNode answer) {
        return answer.isArray() ? answer : answer.path("items");
    }

    /** Through the gateway, waiting out its rate limit (the checks read a lot at once). */
    private JsonNode getOk(String member, String path) {
        MemberCalls.Answer answer = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            answer = gateway.get(member, path);
            if (answer.ok()) {
                return answer.json();
            }
            if (!answer.uncertain()) {
                break;
            }
            JourneyDriver.pause(500);
        }
        throw new IllegalStateException("GET " + path + " as " + member + ": " + answer);
    }
}
