package io.gradlens.cli;

import io.gradlens.workflow.EnvironmentDetails;
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

/**
 * {@code gradlens info MODEL}: a bundle's kind, inputs, classes and provenance; {@code gradlens info}
 * without a model: this installation's versions, ND4J backend, BLAS, threads, native budget and
 * folders ({@link EnvironmentDetails}). Text or JSON.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a .gradlens bundle's kind, inputs, classes and provenance (dataset, its SHA-256, "
                + "hyperparameters, seed, versions, where and when it was trained).",
            "Without MODEL: GradLens, ND4J and Java versions, the ND4J backend, BLAS vendor and threads, the "
                + "native memory budget and the datasets, models, config, cache and log folders in use."})
public final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "The bundle (.gradlens); leave out for the environment.")
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
        PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            EnvironmentDetails env = EnvironmentDetails.current();
            if (format.equals("json")) {
                out.println(Json.line(env.toMap()));
            } else {
                env.lines().forEach(out::println);
            }
            out.flush();
            return 0;
        }
        ModelDetails details = ModelDetails.read(model);
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
