package io.rapport.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

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
}
