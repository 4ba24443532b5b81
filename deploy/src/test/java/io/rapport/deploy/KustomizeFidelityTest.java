package io.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tests' renderer gives what {@code kubectl kustomize} gives, object for object, for every overlay. */
class KustomizeFidelityTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/small"})
    void rendersWhatKubectlRenders(String directory) throws Exception {
        Path kubectl = Manifests.onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed (its built-in kustomize is the reference renderer); "
                + "the rules tests still run on this renderer's output");
        Path dir = Manifests.DEPLOY.resolve(directory);

        Map<String, ObjectNode> expected = Kustomize.byKey(kubectlKustomize(kubectl, dir));
        Map<String, ObjectNode> rendered = Kustomize.byKey(Kustomize.render(dir));

        assertThat(rendered.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            assertThat(rendered.get(key)).as(key).isEqualTo(expected.get(key));
        }
    }

    private static List<ObjectNode> kubectlKustomize(Path kubectl, Path dir) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectOutput(output.toFile()).redirectErrorStream(false).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
            assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
            return Kustomize.readAll(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
