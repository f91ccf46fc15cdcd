package io.gradlens.cli;

import io.gradlens.workflow.ModelDetails;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradlens info MODEL}: a bundle's kind, inputs, classes and provenance, as text or JSON. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a .gradlens bundle's kind, inputs, classes and provenance (dataset, its SHA-256, "
                + "hyperparameters, seed, versions, where and when it was trained).")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The bundle (.gradlens).")
    Path model;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default ${DEFAULT-VALUE}.")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use text or json");
        }
        ModelDetails details = ModelDetails.read(model);
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model.toString());
            json.putAll(details.toMap());
            out.println(Json.line(json));
        } else {
            out.println("model: " + model);
            details.lines().forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
