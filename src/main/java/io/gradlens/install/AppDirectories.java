package io.gradlens.install;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The folders GradLens reads and writes, resolved once for the CLI, the workbench and the tests.
 *
 * <p>Shipped, read-only files are found below the <em>application folder</em>: the system property
 * {@value #APP_DIR_PROPERTY} (the app image's launchers set it to their {@code lib/app}), else the
 * source checkout the classes were loaded from ({@code target/classes} → the folder holding
 * {@code pom.xml}), else the working directory. Both layouts hold {@code datasets/} and
 * {@code assets/models/}. {@code -Dgradlens.datasets} / {@code GRADLENS_DATASETS} and
 * {@code -Dgradlens.models} / {@code GRADLENS_MODELS} override them.
 *
 * <p>The user's files follow the XDG base directory specification: settings, recent files and the
 * edit lists of built-in datasets in {@code $XDG_CONFIG_HOME/gradlens} (default
 * {@code ~/.config/gradlens}; {@code -Dgradlens.home} overrides), caches and the log folder in
 * {@code $XDG_CACHE_HOME/gradlens} (default {@code ~/.cache/gradlens}).
 *
 * @param app the application folder (shipped files)
 * @param datasets the shipped datasets
 * @param models the shipped model bundles
 * @param config settings, recent files, {@code edits/}
 * @param cache caches and {@code logs/}
 * @param home the user's home folder ({@code $HOME}, else {@code user.home}), where {@code ~/.gradlens} was
 */
public record AppDirectories(Path app, Path datasets, Path models, Path config, Path cache, Path home) {

    /** System property naming the application folder (set by the app image's launchers). */
    public static final String APP_DIR_PROPERTY = "gradlens.app.dir";
    /** System property naming the datasets folder. */
    public static final String DATASETS_PROPERTY = "gradlens.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String DATASETS_ENVIRONMENT = "GRADLENS_DATASETS";
    /** System property naming the shipped-models folder. */
    public static final String MODELS_PROPERTY = "gradlens.models";
    /** Environment variable naming the shipped-models folder. */
    public static final String MODELS_ENVIRONMENT = "GRADLENS_MODELS";
    /** System property naming the settings folder (kept from before the XDG folders). */
    public static final String CONFIG_PROPERTY = "gradlens.home";
    /** System property naming the folder of the built-in datasets' edit lists. */
    public static final String EDITS_PROPERTY = "gradlens.edits";
    /** The sub-folder name below the XDG folders. */
    public static final String NAME = "gradlens";

    /** The folders for this JVM: its system properties, environment and class location. */
    public static AppDirectories current() {
        return resolve(System::getProperty, System::getenv, checkoutOf(AppDirectories.class),
                Path.of("").toAbsolutePath());
    }

    /**
     * The folders for the given settings (pure, for tests).
     *
     * @param property system properties by name (null when unset)
     * @param environment environment variables by name (null when unset)
     * @param checkout the source checkout the classes come from, or null
     * @param workingDir the working directory, the last resort for the application folder
     */
    public static AppDirectories resolve(UnaryOperator<String> property, UnaryOperator<String> environment,
            Path checkout, Path workingDir) {
        Path app = firstSet(property.apply(APP_DIR_PROPERTY), null);
        if (app == null) {
            app = checkout != null ? checkout : workingDir;
        }
        Path datasets = firstSet(property.apply(DATASETS_PROPERTY), environment.apply(DATASETS_ENVIRONMENT));
        Path models = firstSet(property.apply(MODELS_PROPERTY), environment.apply(MODELS_ENVIRONMENT));
        // XDG defaults are relative to $HOME; Java's user.home comes from the password database instead.
        Path home = Path.of(orDefault(environment.apply("HOME"),
                orDefault(property.apply("user.home"), workingDir.toString())));
        Path config = firstSet(property.apply(CONFIG_PROPERTY), null);
        if (config == null) {
            config = xdg(environment.apply("XDG_CONFIG_HOME"), home.resolve(".config"));
        }
        Path cache = xdg(environment.apply("XDG_CACHE_HOME"), home.resolve(".cache"));
        return new AppDirectories(app, datasets != null ? datasets : app.resolve("datasets"),
                models != null ? models : app.resolve("assets").resolve("models"), config, cache, home);
    }

    /** The edit lists of built-in datasets: {@code -Dgradlens.edits}, else {@code config/edits}. */
    public Path edits() {
        Path configured = firstSet(System.getProperty(EDITS_PROPERTY), null);
        return configured != null ? configured : config.resolve("edits");
    }

    /** The folder of the rotating log files, {@code cache/logs}. */
    public Path logs() {
        return cache.resolve("logs");
    }

    /** Every folder by name, in a stable order (for {@code gradlens info} and Help → About). */
    public Map<String, Path> toMap() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("app", app);
        m.put("datasets", datasets);
        m.put("models", models);
        m.put("config", config);
        m.put("cache", cache);
        m.put("logs", logs());
        return m;
    }

    /**
     * The source checkout that holds {@code type}'s class file: for classes in
     * {@code <checkout>/target/classes} (or {@code test-classes}), {@code <checkout>} when it has a
     * {@code pom.xml}; null for classes in a jar (the app image) or anywhere else.
     */
    static Path checkoutOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path classes = Path.of(source.getLocation().toURI());
            Path target = classes.getParent();
            if (!Files.isDirectory(classes) || target == null || !"target".equals(String.valueOf(target.getFileName()))) {
                return null;
            }
            Path root = target.getParent();
            return root != null && Files.isRegularFile(root.resolve("pom.xml")) ? root : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path xdg(String value, Path fallback) {
        // The specification: a relative XDG path is invalid and must be ignored.
        Path base = value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
        return base.resolve(NAME);
    }

    private static Path firstSet(String first, String second) {
        if (first != null && !first.isBlank()) {
            return Path.of(first);
        }
        return second != null && !second.isBlank() ? Path.of(second) : null;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
