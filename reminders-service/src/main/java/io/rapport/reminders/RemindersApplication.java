package io.rapport.reminders;

import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.platform.domain.Erasures;
import io.rapport.platform.work.BackgroundWorker;
import io.rapport.reminders.preferences.MemberPreferences;
import io.rapport.reminders.preferences.persistence.MongoPreferences;
import io.rapport.reminders.reminders.DailyDigest;
import io.rapport.reminders.reminders.DeliveryChannel;
import io.rapport.reminders.reminders.DeliveryEngine;
import io.rapport.reminders.reminders.EmailChannel;
import io.rapport.reminders.reminders.FollowUpRules;
import io.rapport.reminders.reminders.Inbox;
import io.rapport.reminders.reminders.MemberData;
import io.rapport.reminders.reminders.Reminders;
import io.rapport.reminders.reminders.mail.SmtpMailer;
import io.rapport.reminders.reminders.persistence.MongoReminders;
import io.rapport.reminders.reminders.metrics.MeteredDeliveries;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.mail.javamail.JavaMailSender;

/** The follow-up engine: 3B7 follow-ups, confirmations, thank-yous and keep-in-touch, delivered exactly once. */
@SpringBootApplication
public class RemindersApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemindersApplication.class, args);
    }

    @Bean
    FollowUpRules followUpRules(Reminders reminders, MemberPreferences preferences, Clock clock) {
        return new FollowUpRules(reminders, preferences, clock);
    }

    @Bean
    Inbox inbox(Reminders reminders, Clock clock) {
        return new Inbox(reminders, clock);
    }

    @Bean
    MemberData memberData(Reminders reminders, MemberPreferences preferences, Erasures erasures) {
        return new MemberData(reminders, preferences, erasures);
    }

    /**
     * Without an SMTP host configured there is no mailer (Spring Mail makes no sender then either),
     * and reminders go to the inbox only.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.mail.host")
    SmtpMailer smtpMailer(JavaMailSender sender,
            @Value("${rapport.reminders.mail.from:reminders@rapport.local}") String from) {
        return new SmtpMailer(sender, from);
    }

    @Bean
    DeliveryEngine deliveryEngine(Reminders reminders, MemberPreferences preferences, ObjectProvider<SmtpMailer> mailer,
            Clock clock, MeterRegistry meters,
            @Value("${rapport.reminders.delivery.lease:60s}") Duration lease,
            @Value("${rapport.reminders.delivery.late-after:5m}") Duration lateAfter,
            @Value("${rapport.reminders.delivery.batch-size:500}") int batchSize,
            @Value("${rapport.reminders.delivery.send-together:100}") int sendTogether,
            @Value("${rapport.reminders.delivery.senders:4}") int senders) {
        List<DeliveryChannel> channels = mailer.stream().<DeliveryChannel>map(EmailChannel::new).toList();
        String claimer = "reminders-service@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        return new DeliveryEngine(new MeteredDeliveries(reminders, meters), preferences, channels, clock, claimer,
                new DeliveryEngine.Settings(lease, lateAfter, batchSize, sendTogether, senders));
    }

    /**
     * On shutdown, before any bean stops (the context publishes this first): the delivery round in progress ends after
     * the reminder in hand and releases its other claims, so another instance delivers them now rather than when
     * their leases run out (deploy/: graceful shutdown).
     */
    @Bean
    ApplicationListener<ContextClosedEvent> deliveryStopsOnShutdown(DeliveryEngine engine) {
        return event -> engine.stop();
    }

    /** The digest is an e-mail: without an SMTP host there is none. */
    @Bean
    @ConditionalOnProperty(name = "spring.mail.host")
    DailyDigest dailyDigest(Reminders reminders, MongoPreferences preferences, SmtpMailer mailer, Clock clock) {
        return new DailyDigest(reminders, preferences, preferences, mailer, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "rapport.reminders.delivery.enabled", havingValue = "true", matchIfMissing = true)
    BackgroundWorker reminderDelivery(DeliveryEngine engine, ObjectProvider<DailyDigest> digest,
            MongoReminders store, @Value("${rapport.reminders.delivery.poll-interval:10s}") Duration pollInterval) {
        // Rounds back to back while a round claims a full batch; safe with any number of instances, since every
        // reminder is claimed before it is delivered. At rest the delivery sleeps until the next reminder falls due
        // (at most the poll interval), and a reminder stored here due sooner wakes it.
        DailyDigest dailyDigest = digest.getIfAvailable();
        BackgroundWorker worker = new BackgroundWorker("reminder-delivery", (BackgroundWorker.Round) () -> {
            boolean fullBatch = engine.deliverDue() >= engine.settings().batchSize();
            if (dailyDigest != null) {
                dailyDigest.sendDue();
            }
            return fullBatch ? Duration.ZERO : engine.restUntilNextDue(pollInterval);
        }, new BackgroundWorker.Pacing(pollInterval, MAX_BACK_OFF), () -> { });
        engine.whenDueSooner(worker::wake);
        store.whenScheduled(engine::dueAt);
        return worker;
    }

    /** The longest wait between two tries after the store failed. */
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);
}
