package io.rapport.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One rendered overlay, read into the Kubernetes object model (fabric8's): a field the API does not know (a typo)
 * lands in the model's additional properties, so the getters the rules read return nothing and the rule fails.
 * Custom resources (KEDA, Strimzi) stay JSON trees.
 */
record Manifests(List<ObjectNode> objects) {

    static final Path DEPLOY = Path.of(System.getProperty("rapport.deploy.dir", ".")).toAbsolutePath().normalize();
    static final Path REPOSITORY = Path.of(System.getProperty("rapport.repository.dir", "..")).toAbsolutePath().normalize();

    private static final ObjectMapper MODEL = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static Manifests render(String directory) {
        return new Manifests(Kustomize.render(DEPLOY.resolve(directory)));
    }

    List<Deployment> deployments() {
        return typed("Deployment", Deployment.class);
    }

    List<Service> services() {
        return typed("Service", Service.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return typed("PodDisruptionBudget", PodDisruptionBudget.class);
    }

    List<HorizontalPodAutoscaler> horizontalAutoscalers() {
        return typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return typed("NetworkPolicy", NetworkPolicy.class);
    }

    List<Ingress> ingresses() {
        return typed("Ingress", Ingress.class);
    }

    List<ConfigMap> configMaps() {
        return typed("ConfigMap", ConfigMap.class);
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    /** A container's environment variable as the pod sees it: its own env first, then its envFrom ConfigMaps. */
    Optional<String> env(Container container, String name) {
        for (EnvVar variable : container.getEnv()) {
            if (variable.getName().equals(name)) {
                return Optional.ofNullable(variable.getValue());
            }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String map = source.getConfigMapRef().getName();
                Optional<String> value = configMaps().stream().filter(c -> c.getMetadata().getName().equals(map))
                        .findFirst().map(c -> c.getData().get(name));
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private <T> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).stream().map(o -> MODEL.convertValue(o, type)).toList();
    }

    static JsonNode applicationYaml(String module) {
        return Kustomize.readOne(REPOSITORY.resolve(module).resolve("src/main/resources/application.yml"));
    }

    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
