package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.saliency.SaliencyViewModel;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.cli.CliRun;
import io.gradlens.explain.Aggregation;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ExplainedOutput;
import io.gradlens.explain.Gradient;
import io.gradlens.explain.GradientXInput;
import io.gradlens.explain.IntegratedGradients;
import io.gradlens.explain.MethodDescriptor;
import io.gradlens.explain.MethodParameter;
import io.gradlens.explain.SmoothGrad;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The method registry is the one source of every method's parameters: the command line's help and
 * output provenance, and the workbench's controls show its defaults, and a bad value is refused
 * with its message on both sides.
 */
class MethodRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ExplainFixtures fixtures;

    @BeforeAll
    static void model() throws Exception {
        fixtures = ExplainFixtures.in(dir);
    }

    private static SaliencyViewModel tab() {
        return tab(new SimpleStringProperty());
    }

    private static SaliencyViewModel tab(SimpleStringProperty text) {
        return new SaliencyViewModel(new FakeTextSaliencyService(), new ImmediateTaskRunner(),
                new RecordingErrorReporter(), text);
    }

    @Test
    void theWorkbenchOffersEveryRegistryMethodUnderItsRegistryName() {
        assertEquals(AttributionMethods.all(), Arrays.stream(SaliencyMethod.values()).map(SaliencyMethod::descriptor)
                .toList());
        for (SaliencyMethod m : SaliencyMethod.values()) {
            assertEquals(m.descriptor().displayName(), m.toString());
        }
    }

    @Test
    void commandLineHelpShowsEveryRegistryDefault() {
        CliRun help = CliRun.of("saliency", "--help");
        assertEquals(0, help.exitCode(), help.err());
        // The option list, after the usage synopsis and the description.
        String out = help.out();
        String text = out.substring(out.indexOf("go to stderr.")).replaceAll("\\s+", " ");
        for (MethodDescriptor d : AttributionMethods.all()) {
            for (MethodParameter p : d.parameters()) {
                Matcher m = Pattern.compile(Pattern.quote(p.option()) + "=\\S+ (.*?)Default ([^ ]+)\\.").matcher(text);
                assertTrue(m.find(), p.option() + " in " + text);
                assertEquals(p.defaultValue(), m.group(2), p.option());
            }
        }
    }

    @Test
    void workbenchControlsStartAtTheRegistryDefaults() {
        SaliencyViewModel vm = tab();
        MethodDescriptor ig = AttributionMethods.byName("integrated-gradients");
        MethodDescriptor sg = AttributionMethods.byName("smoothgrad");
        assertEquals(ig.parameter("steps").parse(null), (long) vm.stepsProperty().get());
        assertEquals(sg.parameter("samples").parse(null), (long) vm.samplesProperty().get());
        assertEquals(sg.parameter("noise").parse(null), vm.noiseProperty().get());
        assertEquals(sg.parameter("aggregate").parse(null), vm.aggregationProperty().get().cliName());
        for (SaliencyMethod method : SaliencyMethod.values()) {
            vm.methodProperty().set(method);
            assertEquals(AttributionMethods.configure(method.descriptor().name(), Map.of()).parameters(),
                    vm.request().configured().parameters(), method.name());
        }
    }

    @Test
    void exportProvenanceOfADefaultRunIsTheRegistryDefaults() throws Exception {
        for (MethodDescriptor d : AttributionMethods.all()) {
            CliRun run = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--text", "great film",
                    "--method", d.name());
            assertEquals(0, run.exitCode(), run.err());
            JsonNode parameters = JSON.readTree(run.out()).get("parameters");
            Map<String, Object> expected = new LinkedHashMap<>();
            d.parameters().forEach(p -> expected.put(p.name(), p.parse(null)));
            // Same names, order and values: compared as the JSON text they are written as.
            assertEquals(JSON.writeValueAsString(expected), JSON.writeValueAsString(parameters), d.name());
        }
    }

    @Test
    void aBadValueIsRefusedWithTheRegistrysMessageOnBothSides() {
        MethodParameter steps = AttributionMethods.byName("integrated-gradients").parameter("steps");
        String message = assertThrows(IllegalArgumentException.class, () -> steps.parse("0")).getMessage();
        assertTrue(message.startsWith("--steps must be"), message);

        CliRun cli = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--text", "great",
                "--method", "integrated-gradients", "--steps", "0");
        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains(message), cli.err());

        SimpleStringProperty text = new SimpleStringProperty("great film");
        SaliencyViewModel vm = tab(text);
        vm.methodProperty().set(SaliencyMethod.INTEGRATED_GRADIENTS);
        vm.stepsProperty().set(0);
        assertEquals(message, assertThrows(IllegalArgumentException.class, vm::request).getMessage());
        vm.recompute();
        assertEquals(message, vm.statusProperty().get());

        MethodParameter noise = AttributionMethods.byName("smoothgrad").parameter("noise");
        String noiseMessage = assertThrows(IllegalArgumentException.class, () -> noise.parse("-0.5")).getMessage();
        CliRun badNoise = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--text", "great",
                "--method", "smoothgrad", "--noise", "-0.5");
        assertEquals(2, badNoise.exitCode());
        assertTrue(badNoise.err().contains(noiseMessage), badNoise.err());
        vm.methodProperty().set(SaliencyMethod.SMOOTHGRAD);
        vm.stepsProperty().set(50);
        vm.noiseProperty().set(-0.5);
        assertEquals(noiseMessage, assertThrows(IllegalArgumentException.class, vm::request).getMessage());
    }

    @Test
    void eachEntryBuildsItsMethodWithTheGivenSettings() throws Exception {
        Classifier model = ModelBundle.read(fixtures.lstm);
        AttributionInputs inputs = AttributionInputs.texts(model,
                List.of("great film", "awful mess"));
        Map<String, String> settings = Map.of("aggregate", "l2", "output", "logit", "steps", "9", "rule", "midpoint",
                "samples", "4", "noise", "0.3", "noise-scale", "absolute", "method-seed", "7");
        Map<String, io.gradlens.explain.AttributionMethod> direct = Map.of(
                "gradient", new Gradient(Aggregation.L2,
                        ExplainedOutput.LOGIT),
                "grad-x-input", new GradientXInput(Aggregation.L2,
                        ExplainedOutput.LOGIT),
                "integrated-gradients", new IntegratedGradients(9,
                        IntegratedGradients.Rule.MIDPOINT,
                        IntegratedGradients.Baseline.zero(), Aggregation.L2,
                        ExplainedOutput.LOGIT),
                "smoothgrad", new SmoothGrad(4, 0.3, false, 7, Aggregation.L2,
                        ExplainedOutput.LOGIT));
        assertEquals(direct.keySet(), new HashSet<>(AttributionMethods.all().stream()
                .map(MethodDescriptor::name).toList()));
        for (MethodDescriptor d : AttributionMethods.all()) {
            AttributionMethod built = d.build(settings, model);
            AttributionMethod expected = direct.get(d.name());
            assertEquals(d.name(), built.name());
            assertEquals(expected.parameters(), built.parameters(), d.name());
            var a = built.attribute(model, inputs, AttributionTarget.predicted());
            var b = expected.attribute(model, inputs, AttributionTarget.predicted());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(b.get(i).scores(), a.get(i).scores(), d.name());
            }
        }
    }

    @Test
    void anUnknownMethodOrChoiceNamesTheAllowedOnes() {
        String unknown = assertThrows(IllegalArgumentException.class, () -> AttributionMethods.byName("lime"))
                .getMessage();
        assertEquals("unknown --method 'lime'; use gradient, grad-x-input, integrated-gradients or smoothgrad",
                unknown);
        CliRun cli = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--text", "great", "--method", "lime");
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains(unknown), cli.err());
        CliRun rule = CliRun.of("saliency", "--model", fixtures.lstm.toString(), "--text", "great",
                "--method", "integrated-gradients", "--rule", "simpson");
        assertEquals(2, rule.exitCode());
        assertTrue(rule.err().contains("--rule must be trapezoid or midpoint, got 'simpson'"), rule.err());
        assertFalse(rule.err().contains("\tat "), rule.err());
    }
}
