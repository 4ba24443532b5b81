package io.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules every workload of every overlay keeps, read from the rendered manifests: what an operator reviewing a
 * change to deploy/ would otherwise check by eye.
 */
class DeploymentRulesTest {

    private static final String GATEWAY = "gateway";
    private static final String WEB_APP = "web-app";
    /** Where the Ingress controller runs: the only source the web app's port admits (network-policies.yaml). */
    private static final String INGRESS_NAMESPACE = "ingress-nginx";
    private static final int API_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9090;

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyWorkloadHasTheThreeProbesOnTheHealthGroups(String overlay) {
        for (Deployment deployment : workloads(overlay)) {
            for (Container container : pod(deployment).getContainers()) {
                String where = name(deployment) + "/" + container.getName();
                assertThat(path(container.getLivenessProbe())).as(where + " liveness").isEqualTo("/actuator/health/liveness");
                assertThat(path(container.getReadinessProbe())).as(where + " readiness").isEqualTo("/actuator/health/readiness");
                assertThat(path(container.getStartupProbe())).as(where + " startup").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyContainerHasRequestsAndLimitsAndItsHeapFitsWithRoomToSpare(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : pod(deployment).getContainers()) {
                String where = name(deployment) + "/" + container.getName();
                var resources = container.getResources();
                assertThat(resources).as(where).isNotNull();
                assertThat(resources.getRequests()).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(resources.getLimits()).as(where + " limits").containsKeys("cpu", "memory");
                BigDecimal limit = Quantity.getAmountInBytes(resources.getLimits().get("memory"));
                // memory is not compressible: a pod using more than it asked for is the first evicted
                assertThat(Quantity.getAmountInBytes(resources.getRequests().get("memory"))).as(where + " memory request")
                        .isEqualByComparingTo(limit);
                String options = manifests.env(container, "JAVA_TOOL_OPTIONS").orElse("");
                Matcher heap = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(options);
                assertThat(heap.find()).as(where + " sets a maximum heap in JAVA_TOOL_OPTIONS: " + options).isTrue();
                BigDecimal heapBytes = new BigDecimal(heap.group(1)).multiply(BigDecimal.valueOf(
                        heap.group(2).equalsIgnoreCase("g") ? 1L << 30 : 1L << 20));
                // metaspace, code cache, thread stacks and buffers live outside the heap: measured resident at rest
                // 270-370 MiB with a 384m heap mostly empty (README "Figures")
                assertThat(heapBytes.doubleValue() / limit.doubleValue()).as(where + " heap / memory limit").isLessThanOrEqualTo(0.6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyWorkloadHasADisruptionBudgetThatLetsANodeDrain(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = manifests.disruptionBudgets().stream()
                    .filter(b -> NetworkReach.matches(b.getSpec().getSelector(), podLabels)).toList();
            assertThat(budgets).as(name(deployment) + " PodDisruptionBudgets").hasSize(1);
            PodDisruptionBudget budget = budgets.get(0);
            // maxUnavailable >= 1 never blocks a drain, whatever the autoscaler's count
            assertThat(budget.getSpec().getMaxUnavailable()).as(name(deployment) + " maxUnavailable").isNotNull();
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isGreaterThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void imagesArePinnedNeverLatest(String overlay) {
        for (Deployment deployment : workloads(overlay)) {
            for (Container container : allContainers(deployment)) {
                String image = container.getImage();
                String tagOrDigest = image.substring(Kustomize.imageName(image).length());
                assertThat(tagOrDigest).as(name(deployment) + " image " + image).matches("(:|@sha256:).+")
                        .isNotEqualTo(":latest");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        for (Deployment deployment : workloads(overlay)) {
            PodSecurityContext podSecurity = pod(deployment).getSecurityContext();
            for (Container container : allContainers(deployment)) {
                String where = name(deployment) + "/" + container.getName();
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(where + " securityContext").isNotNull();
                Boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot()
                        : podSecurity == null ? null : podSecurity.getRunAsNonRoot();
                Long user = security.getRunAsUser() != null ? security.getRunAsUser()
                        : podSecurity == null ? null : podSecurity.getRunAsUser();
                assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                assertThat(user).as(where + " runAsUser").isNotNull().isNotZero();
                assertThat(security.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getCapabilities().getDrop()).as(where + " capabilities dropped").contains("ALL");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void shutdownHasTimeToFinishInFlightWorkBeforeTheKill(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Deployment deployment : manifests.deployments()) {
            Container container = pod(deployment).getContainers().get(0);
            List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
            assertThat(preStop).as(name(deployment) + " preStop").hasSize(2).first().isEqualTo("sleep");
            long sleep = Long.parseLong(preStop.get(1));
            Duration phase = Duration.parse("PT" + manifests.env(container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                    .orElseThrow(() -> new AssertionError(name(deployment) + " sets no shutdown phase timeout")).toUpperCase());
            assertThat(pod(deployment).getTerminationGracePeriodSeconds()).as(name(deployment) + " terminationGracePeriodSeconds")
                    .isGreaterThan(sleep + phase.toSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void onlyTheGatewayAndTheWebAppAreExposed(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        for (Service service : manifests.services()) {
            String type = service.getSpec().getType();
            assertThat(type == null ? "ClusterIP" : type).as(service.getMetadata().getName() + " Service type").isEqualTo("ClusterIP");
        }
        assertThat(manifests.ingresses()).isNotEmpty();
        Set<String> exposed = new HashSet<>();
        for (Ingress ingress : manifests.ingresses()) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    exposed.add(path.getBackend().getService().getName());
                }
            }
        }
        // the API for its clients, the pages for the browsers; never a service
        assertThat(exposed).as("what the Ingresses route to").containsExactlyInAnyOrder(GATEWAY, WEB_APP);

        NetworkReach reach = new NetworkReach(manifests.networkPolicies(), Map.of("kubernetes.io/metadata.name", "rapport"));
        Map<String, String> gatewayPod = podLabels(manifests, GATEWAY);
        var stranger = NetworkReach.Source.inNamespace(Map.of("app", "debug-shell"));
        var elsewhere = NetworkReach.Source.inNamespaceNamed("other-team", Map.of("app", "anything"));
        var prometheus = NetworkReach.Source.inNamespaceNamed("monitoring", Map.of("app", "prometheus"));
        var ingressController = NetworkReach.Source.inNamespaceNamed(INGRESS_NAMESPACE, Map.of("app", "ingress-nginx"));
        Map<String, String> webAppPod = podLabels(manifests, WEB_APP);

        assertThat(reach.admits(stranger, gatewayPod, API_PORT)).as("anyone reaches the gateway").isTrue();
        assertThat(reach.admits(elsewhere, gatewayPod, API_PORT)).as("anyone reaches the gateway").isTrue();
        assertThat(reach.admits(NetworkReach.Source.inNamespace(webAppPod), gatewayPod, API_PORT))
                .as("the web app reaches the gateway").isTrue();
        // nothing but the Ingress controller reaches the web app's pages
        assertThat(reach.admits(ingressController, webAppPod, API_PORT)).as("the Ingress controller reaches the web app").isTrue();
        assertThat(reach.admits(stranger, webAppPod, API_PORT)).as("a pod of the namespace reaches the web app").isFalse();
        assertThat(reach.admits(elsewhere, webAppPod, API_PORT)).as("another namespace reaches the web app").isFalse();
        assertThat(reach.admits(prometheus, webAppPod, API_PORT)).as("Prometheus reaches the web app's pages").isFalse();
        assertThat(reach.admits(ingressController, webAppPod, MANAGEMENT_PORT)).as("the Ingress controller reaches the web app's actuator").isFalse();
        assertThat(reach.admits(NetworkReach.Source.inNamespace(gatewayPod), webAppPod, API_PORT))
                .as("the gateway reaches the web app").isFalse();
        for (Deployment deployment : manifests.deployments()) {
            Map<String, String> target = podLabels(deployment);
            assertThat(reach.admits(prometheus, target, MANAGEMENT_PORT)).as("Prometheus scrapes " + name(deployment)).isTrue();
            assertThat(reach.admits(stranger, target, MANAGEMENT_PORT)).as("a stranger reaches " + name(deployment) + "'s actuator").isFalse();
            if (name(deployment).equals(GATEWAY)) {
                continue;
            }
            // the web app, like the services, reaches no one's API port but the gateway's (egress is open: the
            // ingress policies of everything else keep it out: the "reaches" checks below)
            if (name(deployment).equals(WEB_APP)) {
                continue;
            }
            assertThat(reach.admits(NetworkReach.Source.inNamespace(gatewayPod), target, API_PORT))
                    .as("the gateway reaches " + name(deployment)).isTrue();
            assertThat(reach.admits(stranger, target, API_PORT)).as("a pod of the namespace reaches " + name(deployment)).isFalse();
            assertThat(reach.admits(elsewhere, target, API_PORT)).as("another namespace reaches " + name(deployment)).isFalse();
            assertThat(reach.admits(prometheus, target, API_PORT)).as("Prometheus reaches the API of " + name(deployment)).isFalse();
            assertThat(reach.admits(ingressController, target, API_PORT)).as("the Ingress controller reaches " + name(deployment)).isFalse();
            for (Deployment other : manifests.deployments()) {
                if (!name(other).equals(GATEWAY) && other != deployment) {
                    assertThat(reach.admits(NetworkReach.Source.inNamespace(podLabels(other)), target, API_PORT))
                            .as(name(other) + " reaches " + name(deployment)).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyDeploymentHasOneAutoscalerAndNoPodWithoutAPartition(String overlay, TestReporter reporter) {
        Manifests manifests = Manifests.render(overlay);
        List<ObjectNode> scaledObjects = manifests.ofKind("ScaledObject");
        for (Deployment deployment : manifests.deployments()) {
            String name = name(deployment);
            List<HorizontalPodAutoscaler> hpas = manifests.horizontalAutoscalers().stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).toList();
            List<ObjectNode> keda = scaledObjects.stream()
                    .filter(s -> s.path("spec").path("scaleTargetRef").path("name").asText().equals(name)).toList();
            // KEDA makes an HPA of its own: a second one on the same Deployment would fight it
            assertThat(hpas.size() + keda.size()).as(name + " autoscalers").isEqualTo(1);
            int maxReplicas = keda.isEmpty() ? hpas.get(0).getSpec().getMaxReplicas()
                    : keda.get(0).path("spec").path("maxReplicaCount").asInt(100);
            boolean moduleHere = Files.isDirectory(Manifests.REPOSITORY.resolve(name));
            List<String> consumed = moduleHere ? consumedTopics(name) : kafkaTriggerTopics(keda);
            if (!moduleHere && name.endsWith("-service")) {
                // a service whose module is on another branch (deploy/ can be ready before it is merged)
                String skipped = name + ": no module directory " + Manifests.REPOSITORY.resolve(name)
                        + " in this checkout, so its autoscaler is not compared with its application.yml (rapport.events.consumes);"
                        + " only the topics its KEDA triggers name are checked against the partitions";
                reporter.publishEntry("not checked", skipped);
                System.out.println("[deploy rules] " + overlay + ": " + skipped);
            }
            if (consumed.isEmpty()) {
                continue;
            }
            int concurrency = Integer.parseInt(manifests.env(pod(deployment).getContainers().get(0),
                    "SPRING_KAFKA_LISTENER_CONCURRENCY").orElse("3"));
            for (String topic : consumed) {
                assertThat(maxReplicas * concurrency).as(name + ": pods x consumers per pod against the partitions of " + topic)
                        .isLessThanOrEqualTo(partitions(manifests, topic));
            }
            if (!keda.isEmpty() && moduleHere) {
                Set<String> lagTopics = new HashSet<>();
                boolean cpu = false;
                for (JsonNode trigger : keda.get(0).path("spec").path("triggers")) {
                    if (trigger.path("type").asText().equals("kafka")) {
                        assertThat(trigger.path("metadata").path("consumerGroup").asText()).as(name + " consumer group").isEqualTo(name);
                        lagTopics.add(trigger.path("metadata").path("topic").asText());
                        String auth = trigger.path("authenticationRef").path("name").asText();
                        assertThat(manifests.ofKind("TriggerAuthentication")).as(name + " trigger authentication")
                                .anyMatch(t -> t.path("metadata").path("name").asText().equals(auth));
                    }
                    cpu |= trigger.path("type").asText().equals("cpu");
                }
                assertThat(lagTopics).as(name + " scales on the lag of every topic it consumes").containsExactlyInAnyOrderElementsOf(consumed);
                assertThat(cpu).as(name + " also scales on CPU").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void everyTopicAServiceUsesIsDeclaredWithPartitionsAndRetention(String overlay) {
        Manifests manifests = Manifests.render(overlay);
        Set<String> used = new HashSet<>();
        for (Deployment deployment : manifests.deployments()) {
            if (name(deployment).endsWith("-service")) {
                used.add("rapport." + name(deployment).replace("-service", ""));
                for (String topic : consumedTopics(name(deployment))) {
                    used.add(topic);
                    used.add(topic + ".DLT");
                }
            }
        }
        // and whatever a KEDA trigger watches (also for a service whose module is not in this checkout yet)
        for (String topic : kafkaTriggerTopics(manifests.ofKind("ScaledObject"))) {
            used.add(topic);
            used.add(topic + ".DLT");
        }
        assertThat(used).isNotEmpty();
        for (String topic : used) {
            ObjectNode declared = topic(manifests, topic);
            assertThat(declared.path("spec").path("partitions").asInt()).as(topic + " partitions").isPositive();
            assertThat(declared.path("spec").path("replicas").asInt()).as(topic + " replicas").isPositive();
            assertThat(declared.path("spec").path("config").path("retention.ms").asText()).as(topic + " retention.ms").matches("\\d+");
        }
        // the dead-letter recoverer writes to the failed record's partition number in <topic>.DLT
        for (String topic : used) {
            if (topic.endsWith(".DLT")) {
                assertThat(partitions(manifests, topic)).as(topic).isEqualTo(partitions(manifests, topic.replace(".DLT", "")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/production", "overlays/small"})
    void secretsComeFromSecretsTheReadmeTellsHowToCreate(String overlay) throws IOException {
        Manifests manifests = Manifests.render(overlay);
        assertThat(manifests.ofKind("Secret")).as("no secret value is kept in the repository").isEmpty();
        String readme = Files.readString(Manifests.DEPLOY.resolve("README.md"));
        Set<String> sensitive = Set.of("SPRING_MONGODB_URI", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "RAPPORT_IDENTITY_SECRET", "RAPPORT_GATEWAY_JWT_ISSUER_URI", "SPRING_DATA_REDIS_URL", "SPRING_MAIL_PASSWORD",
                "RAPPORT_WEB_ISSUER_URI", "RAPPORT_WEB_CLIENT_SECRET");
        for (Deployment deployment : manifests.deployments()) {
            for (Container container : allContainers(deployment)) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        var reference = variable.getValueFrom().getSecretKeyRef();
                        assertThat(readme).as("deploy/README.md explains the Secret " + reference.getName() + " and its key "
                                + reference.getKey()).contains(reference.getName()).contains(reference.getKey());
                    } else {
                        assertThat(sensitive).as(name(deployment) + " takes " + variable.getName() + " from a Secret")
                                .doesNotContain(variable.getName());
                    }
                }
            }
            if (name(deployment).endsWith("-service")) {
                assertThat(container(deployment).getEnv()).as(name(deployment) + " MongoDB URI")
                        .anyMatch(e -> e.getName().equals("SPRING_MONGODB_URI") && e.getValueFrom() != null);
            }
        }
    }

    private static List<Deployment> workloads(String overlay) {
        List<Deployment> deployments = Manifests.render(overlay).deployments();
        assertThat(deployments).extracting(DeploymentRulesTest::name)
                .contains("contacts-service", "scheduling-service", "notes-service", "reminders-service", "insights-service",
                        GATEWAY, WEB_APP);
        return deployments;
    }

    /** What the service's own application.yml says it consumes ({@code rapport.events.consumes}). */
    static List<String> consumedTopics(String module) {
        if (!Files.isDirectory(Manifests.REPOSITORY.resolve(module))) {
            return List.of();
        }
        JsonNode consumes = Manifests.applicationYaml(module).path("rapport").path("events").path("consumes");
        List<String> topics = new ArrayList<>();
        if (consumes.isArray()) {
            consumes.forEach(t -> topics.add(t.asText().trim()));
        } else if (consumes.isTextual()) {
            Stream.of(consumes.asText().split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(topics::add);
        }
        return topics;
    }

    private static List<String> kafkaTriggerTopics(List<ObjectNode> scaledObjects) {
        List<String> topics = new ArrayList<>();
        for (ObjectNode scaledObject : scaledObjects) {
            for (JsonNode trigger : scaledObject.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    topics.add(trigger.path("metadata").path("topic").asText());
                }
            }
        }
        return topics;
    }

    private static ObjectNode topic(Manifests manifests, String topic) {
        return manifests.ofKind("KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asText().equals(topic)).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic declares " + topic));
    }

    private static int partitions(Manifests manifests, String topic) {
        return topic(manifests, topic).path("spec").path("partitions").asInt();
    }

    private static Map<String, String> podLabels(Manifests manifests, String deployment) {
        return podLabels(manifests.deployments().stream().filter(d -> name(d).equals(deployment)).findFirst().orElseThrow());
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }

    private static PodSpec pod(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static Container container(Deployment deployment) {
        return pod(deployment).getContainers().get(0);
    }

    private static List<Container> allContainers(Deployment deployment) {
        List<Container> containers = new ArrayList<>(pod(deployment).getContainers());
        containers.addAll(pod(deployment).getInitContainers());
        return containers;
    }

    private static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }
}
