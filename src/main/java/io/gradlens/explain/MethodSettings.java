package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated values of one method's parameters ({@link MethodDescriptor#settings}), read by the
 * registry entry that builds the method.
 */
public final class MethodSettings {

    private final Map<String, Object> values;

    MethodSettings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every value by parameter name, in the descriptor's order. */
    public Map<String, Object> values() {
        return values;
    }

    /** An INTEGER parameter that fits an int. */
    public int integer(String name) {
        return Math.toIntExact((Long) get(name));
    }

    /** An INTEGER parameter. */
    public long longValue(String name) {
        return (Long) get(name);
    }

    /** A NUMBER parameter. */
    public double number(String name) {
        return (Double) get(name);
    }

    /** A CHOICE or TEXT parameter. */
    public String text(String name) {
        return (String) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("the method has no parameter '" + name + "'");
        }
        return v;
    }
}
