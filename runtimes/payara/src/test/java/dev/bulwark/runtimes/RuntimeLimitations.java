package dev.bulwark.runtimes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips exactly the test cases that runtime-limitations.properties names, each with its reason in the report: what
 * only Liberty's own deployments, servers or log formats can show, and what Payara answers itself before any filter
 * (documented in docs/runtimes.md). Keys are {@code Class#method} (every case of the method) or
 * {@code Class#method[n]} (the n-th case of a parameterized test). Every other test of the run is left alone.
 */
public final class RuntimeLimitations implements ExecutionCondition {

    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");
    private static final Properties LIMITATIONS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RuntimeLimitations.class.getResourceAsStream("/runtime-limitations.properties")) {
            if (in == null) {
                throw new IllegalStateException("runtime-limitations.properties is missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ConditionEvaluationResult.enabled("not a test method");
        }
        String key = context.getRequiredTestClass().getSimpleName() + "#" + method.get().getName();
        String reason = LIMITATIONS.getProperty(key);
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        if (reason == null && invocation.find()) {
            reason = LIMITATIONS.getProperty(key + "[" + invocation.group(1) + "]");
        }
        return reason == null ? ConditionEvaluationResult.enabled("runs on " + runtime())
                : ConditionEvaluationResult.disabled(runtime() + ": " + reason);
    }

    private static String runtime() {
        return System.getProperty("it.runtime", "liberty");
    }
}
