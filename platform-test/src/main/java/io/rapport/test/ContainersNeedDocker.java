package io.rapport.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** Skips the container run of the integration tests, with the reason, where no Docker engine answers. */
public class ContainersNeedDocker implements ExecutionCondition {

    private static volatile Boolean dockerAvailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"containers".equals(System.getProperty(RapportTestBackends.BACKEND))) {
            return ConditionEvaluationResult.enabled("embedded backends");
        }
        if (dockerAvailable == null) {
            dockerAvailable = isDockerAvailable();
        }
        return dockerAvailable
                ? ConditionEvaluationResult.enabled("Docker is available: running against mongo:8 and apache/kafka")
                : ConditionEvaluationResult.disabled("No Docker engine: the container run is skipped; the embedded run covers these tests");
    }

    private static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
