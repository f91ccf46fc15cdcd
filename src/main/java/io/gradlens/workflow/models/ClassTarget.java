package io.gradlens.workflow.models;

import io.gradlens.explain.AttributionTarget;
import java.util.List;

/** Reads which class an explanation is for: {@code predicted}, a class index or a class name. */
public final class ClassTarget {

    private ClassTarget() {
    }

    /**
     * @param spec       {@code predicted} (or {@code null}), a class index or a class name
     * @param classNames the model's classes
     * @throws IllegalArgumentException for an index out of range or an unknown name, listing the classes
     */
    public static AttributionTarget parse(String spec, List<String> classNames) {
        if (spec == null || spec.equals("predicted")) {
            return AttributionTarget.predicted();
        }
        int byName = classNames.indexOf(spec);
        if (byName >= 0) {
            return AttributionTarget.of(byName);
        }
        int k;
        try {
            k = Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the target must be 'predicted', a class index or a class name "
                    + classNames + ", got '" + spec + "'");
        }
        if (k < 0 || k >= classNames.size()) {
            throw new IllegalArgumentException("target class " + k + " is out of range: the model has "
                    + classNames.size() + " classes " + classNames);
        }
        return AttributionTarget.of(k);
    }
}
