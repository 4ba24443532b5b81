package io.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests' renderer refuses what it does not implement rather than rendering something kubectl would not. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void aFieldItDoesNotImplementIsRefusedNotIgnored() throws IOException {
        write("kustomization.yaml", "resources: [a.yaml]\nnamePrefix: x-\n");
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("namePrefix");
    }

    @Test
    void aPatchThatMatchesNothingIsAnError() throws IOException {
        write("kustomization.yaml", """
                resources: [a.yaml]
                patches:
                  - target: {kind: ConfigMap, name: b}
                    patch: '[{"op": "replace", "path": "/data/x", "value": "2"}]'
                """);
        write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: '1'}\n");

        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("no object matches");
    }

    @Test
    void namespaceImagesAndPatchesApplyAsKustomizeDoes() throws IOException {
        write("kustomization.yaml", """
                namespace: team
                resources: [a.yaml]
                images:
                  - {name: registry:5000/app, newTag: "2.0"}
                patches:
                  - target: {kind: Deployment, name: app}
                    patch: |-
                      - {op: replace, path: /spec/replicas, value: 3}
                      - {op: add, path: /metadata/labels/tier, value: web}
                """);
        write("a.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: team}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app, labels: {a: b}}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers: [{name: app, image: "registry:5000/app:1.0"}]
                """);

        List<ObjectNode> objects = Kustomize.render(dir);

        assertThat(objects.get(0).path("metadata").has("namespace")).as("a Namespace has none").isFalse();
        ObjectNode deployment = objects.get(1);
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("team");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/metadata/labels/tier").asText()).isEqualTo("web");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry:5000/app:2.0");
        assertThat(Kustomize.imageName("registry:5000/app@sha256:abc")).isEqualTo("registry:5000/app");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }
}
