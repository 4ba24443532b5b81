package io.rapport.insights.overasked;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContactFingerprintTest {

    private static final byte[] TENANT_A = "tenant-a-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TENANT_B = "tenant-b-key-0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);

    @Test
    void theSamePersonMatchesWhateverTheCaseAndSpacesOfTheirAddress() {
        assertThat(ContactFingerprint.of(TENANT_A, " Priya@Northwind.example "))
                .isEqualTo(ContactFingerprint.of(TENANT_A, "priya@northwind.example"));
    }

    @Test
    void anotherTenantsFingerprintOfThePersonDiffersAndNeitherShowsTheAddress() {
        String a = ContactFingerprint.of(TENANT_A, "priya@northwind.example");
        String b = ContactFingerprint.of(TENANT_B, "priya@northwind.example");

        assertThat(a).isNotEqualTo(b).hasSize(64).doesNotContain("priya", "northwind");
        assertThat(ContactFingerprint.of(TENANT_A, "other@northwind.example")).isNotEqualTo(a);
        assertThat(ContactFingerprint.of(TENANT_A, " ")).isNull();
    }
}
