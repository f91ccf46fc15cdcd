package io.gradlens.workflow;

import io.gradlens.autodiff.Engine;
import io.gradlens.autodiff.NativeMemory;
import io.gradlens.install.AppDirectories;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code gradlens info} without a model reports, for bug reports: GradLens', ND4J's and Java's
 * versions, the ND4J backend with its BLAS vendor and thread counts ({@link Engine#describe()}), the
 * native memory budget ({@link NativeMemory}) and the folders in use ({@link AppDirectories}).
 *
 * @param versions GradLens, ND4J, Java, JVM and OS
 * @param engine backend, BLAS vendor and thread settings
 * @param nativeBudgetMb the native memory budget in MB
 * @param folders the datasets, models, config, cache and log folders
 */
public record EnvironmentDetails(Map<String, String> versions, Map<String, Object> engine, long nativeBudgetMb,
        Map<String, Path> folders) {

    /** Reads this JVM's environment (starts ND4J). */
    public static EnvironmentDetails current() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("gradlens", RuntimeVersions.gradlens());
        versions.put("nd4j", RuntimeVersions.nd4j());
        versions.put("java", RuntimeVersions.java());
        versions.put("jvm", RuntimeVersions.jvm());
        versions.put("os", RuntimeVersions.os());
        Engine.configure();
        Map<String, Object> engine = new LinkedHashMap<>(Engine.describe());
        engine.put("blas_vendor", blasVendor());
        return new EnvironmentDetails(versions, engine, NativeMemory.budget() >> 20, AppDirectories.current().toMap());
    }

    /** The BLAS library ND4J calls, e.g. {@code OPENBLAS}, or {@code unknown}. */
    static String blasVendor() {
        try {
            return String.valueOf(org.nd4j.linalg.factory.Nd4j.factory().blas().getBlasVendor());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return "unknown";
        }
    }

    /** One JSON-ready map: versions, engine, native budget, folders (as strings). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("versions", versions);
        m.put("engine", engine);
        m.put("native_budget_mb", nativeBudgetMb);
        Map<String, String> paths = new LinkedHashMap<>();
        folders.forEach((k, v) -> paths.put(k, v.toAbsolutePath().toString()));
        m.put("folders", paths);
        return m;
    }

    /** {@code key: value} lines for the text output. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("GradLens: " + versions.get("gradlens"));
        lines.add("ND4J: " + versions.get("nd4j"));
        lines.add("Java: " + versions.get("java") + " (" + versions.get("jvm") + ")");
        lines.add("OS: " + versions.get("os"));
        lines.add("backend: " + engine.get("backend"));
        lines.add("BLAS: " + engine.get("blas_vendor") + ", " + engine.get("blas_max_threads") + " threads");
        lines.add("ND4J threads: " + engine.get("nd4j_max_threads") + " (master " + engine.get("nd4j_max_master_threads")
                + ")");
        for (String v : new String[] {"omp_num_threads", "openblas_num_threads", "openblas_coretype"}) {
            lines.add(v.toUpperCase(java.util.Locale.ROOT) + ": " + engine.get(v));
        }
        lines.add("native budget: " + nativeBudgetMb + " MB");
        folders.forEach((k, v) -> lines.add(k + " folder: " + v.toAbsolutePath()));
        return lines;
    }
}
