package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.Map;
import java.util.Objects;

/**
 * A registry method with validated settings, not yet bound to a model: what a request to explain
 * names, and what export provenance records ({@link #parameters()}, by the registry's names).
 *
 * @param descriptor the method
 * @param settings   its validated parameter values
 */
public record ConfiguredMethod(MethodDescriptor descriptor, MethodSettings settings) {

    /** Checks that neither is null. */
    public ConfiguredMethod {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(settings, "settings");
    }

    /** The method's command line name. */
    public String name() {
        return descriptor.name();
    }

    /** The parameter values by the registry's names, in its order (for provenance). */
    public Map<String, Object> parameters() {
        return settings.values();
    }

    /** The method for {@code model}. */
    public AttributionMethod build(Classifier model) {
        return descriptor.factory().build(settings, model);
    }
}
