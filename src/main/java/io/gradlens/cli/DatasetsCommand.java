package io.gradlens.cli;

import io.gradlens.data.BuiltInDatasets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gradlens datasets}: the built-in datasets with counts and licenses. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List the built-in datasets with their counts and licenses.")
public final class DatasetsCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "table", description = "table or json. Default ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if ("json".equals(format)) {
            for (BuiltInDatasets.Entry e : BuiltInDatasets.list()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name());
                m.put("kind", e.kind());
                m.put("train", e.trainSize());
                m.put("test", e.testSize());
                m.put("license", e.license());
                m.put("description", e.description());
                out.println(Json.line(m));
            }
            return 0;
        }
        if (!"table".equals(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use table or json");
        }
        out.printf("%-14s %-8s %7s %7s  %-14s %s%n", "name", "kind", "train", "test", "license", "description");
        for (BuiltInDatasets.Entry e : BuiltInDatasets.list()) {
            out.printf("%-14s %-8s %7d %7d  %-14s %s%n", e.name(), e.kind(), e.trainSize(), e.testSize(), e.license(),
                    e.description());
        }
        return 0;
    }
}
