package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One attribution method as the registry ({@link AttributionMethods}) publishes it: its command
 * line name, display name, the paper it comes from, its parameters, and how it is built from
 * validated values.
 *
 * @param name        the command line and export name, e.g. {@code integrated-gradients}
 * @param displayName the name in the workbench, e.g. {@code Integrated Gradients}
 * @param reference   the paper, e.g. {@code Sundararajan et al. 2017, arXiv:1703.01365}
 * @param parameters  the method's settings, in the order they are shown and exported
 * @param factory     builds the method
 */
public record MethodDescriptor(String name, String displayName, String reference, List<MethodParameter> parameters,
                               Factory factory) {

    /** Builds a method from its validated settings, for one model (a token baseline needs its vocabulary). */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param settings the validated values
         * @param model    the model the method will explain
         */
        AttributionMethod build(MethodSettings settings, Classifier model);
    }

    /** Copies the parameter list. */
    public MethodDescriptor {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(factory, "factory");
    }

    /** The parameter called {@code name}. */
    public MethodParameter parameter(String name) {
        for (MethodParameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("method " + this.name + " has no parameter '" + name + "'");
    }

    /** Whether the method has a parameter called {@code name}. */
    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    /** Every parameter's default, as text, by name. */
    public Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.forEach(p -> out.put(p.name(), p.defaultValue()));
        return out;
    }

    /**
     * Validates {@code values} (parameter name → text; a missing name takes the default, names of
     * other methods' parameters are ignored).
     *
     * @throws IllegalArgumentException with the parameter's message
     */
    public MethodSettings settings(Map<String, String> values) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (MethodParameter p : parameters) {
            parsed.put(p.name(), p.parse(values.get(p.name())));
        }
        return new MethodSettings(parsed);
    }

    /** The method configured by {@code values} (see {@link #settings}) for {@code model}. */
    public AttributionMethod build(Map<String, String> values, Classifier model) {
        return factory.build(settings(values), model);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
