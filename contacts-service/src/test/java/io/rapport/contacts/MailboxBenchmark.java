package io.rapport.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.rapport.contacts.mailbox.InboxIdleWatch;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.test.ApiClient;
import io.rapport.test.ServiceIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * How many mailboxes one instance looks into per second, against GreenMail (IMAP on loopback, in the test JVM: the
 * server's work is on the same 2 cores). {@value #MAILBOXES} mailboxes, each with one message from a stranger in its
 * inbox, are connected through the API with the watcher stopped; then the watcher starts and the time until every
 * one has been looked at once is measured (the poll interval is an hour, so none is looked at twice). The settings
 * are the defaults (at most 100 claimed per round, 32 looks side by side) unless {@code -Dthreads=} and {@code -Dbatch=}
 * say otherwise; {@code -Dmailboxes=} sets the count. Run only on demand:
 * {@code ./mvnw -B -o verify -pl contacts-service -am -Dit.test=MailboxBenchmark -Dbenchmark=true}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = {"rapport.mailbox.key=" + MailboxIT.KEY, "rapport.mailbox.poll-interval=1h",
        "rapport.mailbox.tick=200ms", "rapport.mailbox.allow-local-servers=true",
        "rapport.mailbox.threads=${threads:32}", "rapport.mailbox.batch=${batch:100}",
        // the polling figure: no IDLE unless asked for (-Didle=200); an IDLE-watched mailbox is then also polled hourly
        "rapport.mailbox.idle-connections=${idle:0}", "rapport.mailbox.idle-poll-interval=1h"})
class MailboxBenchmark {

    private static final int MAILBOXES = Integer.getInteger("mailboxes", 2_000);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("mailboxPoller")
    BackgroundWorker poller;

    @Autowired
    InboxIdleWatch idle;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void looksIntoEveryConnectedMailboxOnce() throws Exception {
        GreenMail imap = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        imap.start();
        try {
            poller.stop();
            double loadAtStart = load();
            String tenant = "bench-" + UUID.randomUUID();
            Session session = Session.getInstance(new Properties());
            long connecting = System.nanoTime();
            for (int i = 0; i < MAILBOXES; i++) {
                String address = "member-" + i + "@bench.example";
                imap.setUser(address, address, "pw-" + i).deliver(message(session, address, i));
                ApiClient.Response connected = ApiClient.at("http://127.0.0.1:" + port).as("m" + i, tenant).put("/api/mailbox", """
                        {"host": "127.0.0.1", "port": %d, "tls": false, "user": "%s", "password": "pw-%d"}"""
                        .formatted(imap.getImap().getPort(), address, i));
                assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
            }
            long connectedMs = (System.nanoTime() - connecting) / 1_000_000;

            poller.start();
            double first = pass(Instant.now());
            // Every look after the first reads only UIDs after the cursor: make all due again and time that pass.
            Instant again = Instant.now();
            mongo.updateMulti(Query.query(Criteria.where("state").is("CONNECTED").and("nextCheckAt").gt(Date.from(again))),
                    new org.springframework.data.mongodb.core.query.Update().set("nextCheckAt", Date.from(again)), "mailboxes");
            poller.wake();
            double steady = pass(Instant.now());
            System.out.printf("BENCHMARK mailboxes=%d threads=%s batch=%s idle=%s (IDLE held at the end: %d)"
                    + " connected in %d ms; first look at all: %.1f s (%.1f/s); a later look at all: %.1f s (%.1f/s), so"
                    + " one instance watches %.0f mailboxes at a 2-minute interval (%.0f at 5 minutes); load average"
                    + " %.1f at the start, %.1f at the end%n", MAILBOXES, System.getProperty("threads", "32"),
                    System.getProperty("batch", "100"), System.getProperty("idle", "0"), idle.size(), connectedMs,
                    first, MAILBOXES / first, steady, MAILBOXES / steady, MAILBOXES / steady * 120,
                    MAILBOXES / steady * 300, loadAtStart, load());
        } finally {
            imap.stop();
        }
    }

    /** The machine's load average over the last minute (other builds share it). */
    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Seconds until every mailbox has been looked at once from {@code from}. */
    private double pass(Instant from) {
        long started = System.nanoTime();
        // due_mailboxes: the connected mailboxes whose next look is beyond the lease, i.e. looked at in this pass
        Query lookedAt = Query.query(Criteria.where("state").is("CONNECTED")
                .and("nextCheckAt").gt(Date.from(from.plus(Duration.ofMinutes(30)))));
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> mongo.count(lookedAt, "mailboxes") >= MAILBOXES);
        return (System.nanoTime() - started) / 1e9;
    }

    private static MimeMessage message(Session session, String to, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("stranger-" + i + "@else.example"));
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSentDate(new Date());
        message.setSubject("hello");
        message.setText("not read");
        message.saveChanges();
        return message;
    }
}
