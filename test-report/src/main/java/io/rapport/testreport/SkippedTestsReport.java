package io.rapport.testreport;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, when a test run ends, which tests were skipped and why, one line per reason: a run without
 * Docker, redis-server or Python's icalendar tells what it did not cover. Maven's summary counts
 * skipped tests but never names a reason, and Surefire and Failsafe send the tests' own output to
 * files; the JVM's standard error is the one stream they pass to the console as it is. Registered for
 * every test run through {@code META-INF/services}.
 */
public class SkippedTestsReport implements TestExecutionListener {

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    private final PrintStream out;
    private final Map<String, List<String>> testsByReason = new LinkedHashMap<>();
    private final Map<String, Integer> countByReason = new LinkedHashMap<>();
    private TestPlan plan;

    public SkippedTestsReport() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    SkippedTestsReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        testsByReason.clear();
        countByReason.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        record(identifier, reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(identifier, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        testsByReason.forEach((reason, tests) -> {
            int count = countByReason.get(reason);
            out.println("[WARNING] Skipped " + count + (count == 1 ? " test: " : " tests: ") + reason);
            out.println("[WARNING]     " + String.join(", ", tests));
        });
    }

    private void record(TestIdentifier identifier, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        if (why.startsWith(ASSUMPTION_PREFIX)) {
            why = why.substring(ASSUMPTION_PREFIX.length());
        }
        testsByReason.computeIfAbsent(why, key -> new ArrayList<>()).add(name(identifier));
        countByReason.merge(why, testsIn(identifier), Integer::sum);
    }

    /** A skipped class is reported once, but counts as the tests it holds. */
    private int testsIn(TestIdentifier identifier) {
        if (identifier.isTest() || plan == null) {
            return 1;
        }
        return (int) Math.max(1, plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count());
    }

    private static String name(TestIdentifier identifier) {
        TestSource source = identifier.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            return simpleName(method.getClassName()) + "." + method.getMethodName();
        }
        if (source instanceof ClassSource type) {
            return simpleName(type.getClassName());
        }
        return identifier.getDisplayName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
