package io.rapport.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Whether a connection is admitted by a namespace's NetworkPolicies, by the rules of the Kubernetes API (ingress only):
 * a pod no policy selects accepts everything; a selected pod accepts what at least one rule of a selecting policy
 * allows. An {@code ipBlock} peer is taken to admit any source, so the tests err towards "reachable".
 */
record NetworkReach(List<NetworkPolicy> policies, Map<String, String> namespaceLabels) {

    /** A connecting pod: its namespace's labels (null when it is in the policies' own namespace) and its labels. */
    record Source(Map<String, String> namespaceLabels, Map<String, String> podLabels) {
        static Source inNamespace(Map<String, String> podLabels) {
            return new Source(null, podLabels);
        }

        static Source inNamespaceNamed(String namespace, Map<String, String> podLabels) {
            return new Source(Map.of("kubernetes.io/metadata.name", namespace), podLabels);
        }
    }

    boolean admits(Source source, Map<String, String> targetPodLabels, int port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> isIngress(p) && matches(p.getSpec().getPodSelector(), targetPodLabels))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : selecting) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (portMatches(rule.getPorts(), port) && peerMatches(rule.getFrom(), source)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() ? true : types.contains("Ingress");
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> p.getPort() == null
                || (p.getPort().getIntVal() != null && (p.getEndPort() == null
                        ? p.getPort().getIntVal() == port
                        : p.getPort().getIntVal() <= port && port <= p.getEndPort())));
    }

    private boolean peerMatches(List<NetworkPolicyPeer> from, Source source) {
        if (from == null || from.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : from) {
            if (peer.getIpBlock() != null) {
                return true;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? source.namespaceLabels() == null
                    : matches(peer.getNamespaceSelector(),
                            source.namespaceLabels() == null ? namespaceLabels : source.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), source.podLabels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
