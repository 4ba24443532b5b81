package io.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keys that seal members' credentials at rest (a mailbox password, a calendar password or token), read from the
 * code rather than listed here: every {@code SealedSecrets.withKey("<property>", …)} in a workload's module is a key
 * that workload must be given, from a Secret, in every overlay. Without it the service runs with the feature off (the
 * mailbox API answers 503, connecting a calendar 409), so a forgotten key is found here, not by a member.
 */
class SealingKeysTest {

    /** {@code SealedSecrets.withKey("rapport.mailbox.key", key)}: the setting's name is the first argument. */
    private static final Pattern SEALING_KEY = Pattern.compile("SealedSecrets\\.withKey\\(\\s*\"([a-z0-9.-]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyServiceThatSealsCredentialsGetsItsKeyFromASecretAndNoOneElseDoes(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Map<String, Set<String>> keysByWorkload = new LinkedHashMap<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            keysByWorkload.put(name, sealingKeysReadBy(name));
        }
        Set<String> allKeys = new TreeSet<>();
        keysByWorkload.values().forEach(allKeys::addAll);
        // the scan found the two of issue 19 at least; an empty scan would make this test pass vacuously
        assertThat(allKeys).as("sealing keys the code reads").contains("rapport.mailbox.key", "rapport.calendar.key");

        Map<String, String> secretKeyOfProperty = new HashMap<>();
        for (Deployment deployment : manifests.deployments()) {
            String name = deployment.getMetadata().getName();
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (String property : allKeys) {
                String variable = environmentName(property);
                EnvVar given = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElse(null);
                if (!keysByWorkload.get(name).contains(property)) {
                    // a key opens every member's credentials: only the service that seals them holds it
                    assertThat(given).as(name + " is given " + variable + ", which its code does not read").isNull();
                    continue;
                }
                assertThat(given).as(name + " reads " + property + " (" + variable + ")").isNotNull();
                assertThat(given.getValue()).as(name + " " + variable + " is never written into a manifest").isNull();
                SecretKeySelector secret = given.getValueFrom() == null ? null : given.getValueFrom().getSecretKeyRef();
                assertThat(secret).as(name + " takes " + variable + " from a Secret").isNotNull();
                // required: a pod without it would start with connections off; without the Secret it does not start,
                // and a rollout stalls with the old pods serving (maxUnavailable: 0)
                assertThat(secret.getOptional()).as(name + " " + variable + " optional").isNotEqualTo(Boolean.TRUE);
                secretKeyOfProperty.put(property, secret.getName() + "/" + secret.getKey());
            }
        }
        // one key per kind of credential: a leaked mailbox key opens no calendar
        assertThat(Set.copyOf(secretKeyOfProperty.values())).as("Secret keys of " + secretKeyOfProperty)
                .hasSameSizeAs(secretKeyOfProperty.keySet());
    }

    /** The sealing keys a module's main code reads ({@code SealedSecrets.withKey("<property>", …)}). */
    static Set<String> sealingKeysReadBy(String module) {
        Path sources = Manifests.REPOSITORY.resolve(module).resolve("src/main/java");
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher key = SEALING_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Spring Boot's environment name of a property: {@code rapport.mailbox.key} → {@code RAPPORT_MAILBOX_KEY}. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rapport.mailbox.key:RAPPORT_MAILBOX_KEY", "rapport.calendar.key:RAPPORT_CALENDAR_KEY",
            "rapport.some-feature.key:RAPPORT_SOMEFEATURE_KEY"})
    void theEnvironmentNameIsSpringBootsRelaxedBinding(String pair) {
        List<String> parts = List.of(pair.split(":"));
        assertThat(environmentName(parts.get(0))).isEqualTo(parts.get(1));
    }
}
