package io.rapport.testreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkippedTestsReportTest {

    @Test
    void namesEverySkippedTestWithItsReasonOncePerReason() {
        String report = run(NeedsPython.class, NeedsDocker.class);

        assertThat(report.lines()).containsExactly(
                "[WARNING] Skipped 2 tests: /usr/bin/python3 cannot import icalendar",
                "[WARNING]     SkippedTestsReportTest.NeedsPython.readsTheFeed, SkippedTestsReportTest.NeedsPython.readsTheFile",
                "[WARNING] Skipped 3 tests: No Docker engine",
                "[WARNING]     SkippedTestsReportTest.NeedsDocker");
    }

    @Test
    void saysNothingWhenNothingWasSkipped() {
        assertThat(run(RunsEverything.class)).isEmpty();
    }

    private static String run(Class<?>... classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$MethodName");
        for (Class<?> type : classes) {
            request.selectors(selectClass(type));
        }
        // only this report, not the one registered through META-INF/services for the real run
        LauncherConfig config = LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
        LauncherFactory.create(config).execute(request.build(),
                new SkippedTestsReport(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static class NeedsPython {
        @Test
        void readsTheFile() {
            Assumptions.assumeTrue(false, "/usr/bin/python3 cannot import icalendar");
        }

        @Test
        void readsTheFeed() {
            Assumptions.assumeTrue(false, "/usr/bin/python3 cannot import icalendar");
        }

        @Test
        void needsNothing() {
        }
    }

    @ExtendWith(NoDocker.class)
    static class NeedsDocker {
        @Test
        void one() {
        }

        @Test
        void two() {
        }

        @Test
        void three() {
        }
    }

    static class NoDocker implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return ConditionEvaluationResult.disabled("No Docker engine");
        }
    }

    static class RunsEverything {
        @Test
        void runs() {
        }
    }
}
