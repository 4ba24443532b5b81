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

    @Test
    void aLinkedInProfileIsTheSameWhateverItsSchemeHostCaseQueryOrTrailingSlash() {
        assertThat(ContactFingerprint.linkedInProfile("https://www.linkedin.com/in/Ada-L/?x=1")).isEqualTo("linkedin.com/in/ada-l");
        assertThat(ContactFingerprint.linkedInProfile("linkedin.com/in/ada-l")).isEqualTo("linkedin.com/in/ada-l");
        assertThat(ContactFingerprint.linkedInProfile(" http://uk.LinkedIn.com/in/ada-l//#about ")).isEqualTo("linkedin.com/in/ada-l");
        assertThat(ContactFingerprint.linkedInProfile("https://www.linkedin.com/in/ada-l/details/experience/"))
                .isEqualTo("linkedin.com/in/ada-l");
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "https://www.linkedin.com/in/Ada-L/?x=1"))
                .isEqualTo(ContactFingerprint.ofLinkedIn(TENANT_A, "linkedin.com/in/ada-l"))
                .isNotEqualTo(ContactFingerprint.ofLinkedIn(TENANT_A, "linkedin.com/in/ada-m"))
                .isNotEqualTo(ContactFingerprint.ofLinkedIn(TENANT_B, "linkedin.com/in/ada-l"))
                .doesNotContain("ada");
    }

    @Test
    void aUrlThatIsNotALinkedInProfileHasNoFingerprint() {
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "https://www.linkedin.com/company/northwind")).isNull();
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "https://notlinkedin.com/in/ada-l")).isNull();
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "https://linkedin.com.evil.example/in/ada-l")).isNull();
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "https://www.linkedin.com/in/")).isNull();
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, "not a url at all")).isNull();
        assertThat(ContactFingerprint.ofLinkedIn(TENANT_A, null)).isNull();
    }

    @Test
    void anEmailAndAProfileOfOnePersonAreTwoFingerprintsNeverEqual() {
        assertThat(ContactFingerprint.all(TENANT_A, "ada@engine.example", "linkedin.com/in/ada-l")).hasSize(2)
                .doesNotHaveDuplicates();
        assertThat(ContactFingerprint.all(TENANT_A, null, "linkedin.com/in/ada-l"))
                .containsExactly(ContactFingerprint.ofLinkedIn(TENANT_A, "linkedin.com/in/ada-l"));
        assertThat(ContactFingerprint.all(TENANT_A, " ", "https://example.com")).isEmpty();
    }
}
