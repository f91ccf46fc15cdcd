package io.gradlens.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every written attribution records about how it was made (after Tribuo's provenance): the
 * model and the method with its parameters, by the method registry's names.
 *
 * @param model      the model's name (its file name when it came from a file)
 * @param method     the method's registry name, e.g. {@code smoothgrad}
 * @param parameters the method's parameters by registry name, e.g. {@code noise → 0.15}
 */
public record AttributionProvenance(String model, String method, Map<String, Object> parameters) {

    /** Copies the parameters, keeping their order. */
    public AttributionProvenance {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The parameters as one CSV-friendly field: {@code steps=50;rule=trapezoid;…}. */
    public String parameterField() {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(out.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return out.toString();
    }
}
