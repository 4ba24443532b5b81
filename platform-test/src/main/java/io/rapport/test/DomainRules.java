package io.rapport.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListeners;

/**
 * The domain of every feature is plain Java: only adapters (web, messaging, persistence, mail) and
 * configuration may touch Spring, Kafka, MongoDB or JSON libraries.
 */
public final class DomainRules {

    private DomainRules() {
    }

    public static ArchRule domainIsPlainJava(String servicePackage) {
        return noClasses()
                .that().resideInAPackage(servicePackage + ".*..")
                .and().resideOutsideOfPackages("..web..", "..messaging..", "..persistence..", "..mail..", "..config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "tools.jackson..", "com.fasterxml..", "jakarta..")
                .because("the domain holds the rules; adapters at the edges do the I/O")
                .allowEmptyShould(true);
    }

    /**
     * Each {@code @KafkaListener} (it is repeatable) names one topic, so each of its consumers owns one partition.
     * A consumer with partitions of several topics stalls: while one partition still has records buffered, the
     * consumer's next fetch to the broker leaves it out and waits up to {@code fetch.max.wait.ms} (5 s here, which
     * keeps idle consumers cheap) for the others; the busy partition cannot be fetched until that answer comes.
     * With one partition per consumer there is never a fetch in flight while records wait.
     */
    public static ArchRule eachListenerConsumesOneTopic() {
        return methods().that().areAnnotatedWith(KafkaListener.class)
                .or().areAnnotatedWith(KafkaListeners.class)
                .should(new ArchCondition<JavaMethod>("name exactly one topic in each @KafkaListener") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (KafkaListener listener : method.reflect().getAnnotationsByType(KafkaListener.class)) {
                            if (listener.topics().length != 1 || listener.topicPattern().length() > 0
                                    || listener.topicPartitions().length > 0) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                        + " listens to " + String.join(", ", listener.topics())
                                        + ": give each topic its own @KafkaListener"));
                            }
                        }
                    }
                })
                .because("a consumer of several topics stalls on the fetch it has in flight for the others")
                .allowEmptyShould(true);
    }
}
