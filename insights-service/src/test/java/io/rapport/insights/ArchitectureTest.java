package io.rapport.insights;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.rapport.test.DomainRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void theDomainIsPlainJava() {
        DomainRules.domainIsPlainJava("io.rapport.insights").check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.rapport.insights"));
    }

    @Test
    void eachListenerConsumesOneTopic() {
        DomainRules.eachListenerConsumesOneTopic().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.rapport.insights"));
    }
}
