package io.gradlens.cli;

import io.gradlens.data.DatasetsDirectory;
import io.gradlens.experiment.DecoyExperiment;
import io.gradlens.experiment.MislabelExperiment;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gradlens experiment decoy-mnist|decoy-text|mislabel}: the decoy experiment of "Right for
 * the Right Reasons" (Ross et al., IJCAI 2017, https://arxiv.org/abs/1703.03717) and the mislabel
 * detection experiment of TracIn (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484)
 * and representer points (Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720), printing a
 * table.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproduce an experiment: decoy-mnist, decoy-text (clean / decoy / decoy+penalty) or "
                + "mislabel (flip labels, rank by self-influence).")
public final class ExperimentCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "decoy-mnist, decoy-text or mislabel")
    String name;

    @Option(names = "--epochs", description = "epochs per run (default: 30 images, 8 text, 6 mislabel)")
    Integer epochs;

    @Option(names = "--batch-size", description = "batch size (default: 256 images, 32 text, 64 mislabel)")
    Integer batchSize;

    @Option(names = "--lambda", description = "penalty weight (default: paper λ rescaled for images, 1000 for text)")
    Double lambda;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--train-size", defaultValue = "0", description = "use only the first N training examples (0 = all)")
    int trainSize;

    @Option(names = "--target", defaultValue = "sum-logprob", description = "penalised gradient: sum-logprob or max-logprob")
    String target;

    @Option(names = "--dataset", defaultValue = "mnist", description = "mislabel: dataset (default: ${DEFAULT-VALUE})")
    String dataset;

    @Option(names = "--flip", defaultValue = "0.1", description = "mislabel: fraction of labels flipped")
    double flip;

    @Option(names = "--projection-dim", defaultValue = "512",
            description = "mislabel: dimension of the random projection of all-layer TracIn (default: ${DEFAULT-VALUE})")
    int projectionDim;

    @Option(names = "--projection-seed", defaultValue = "0",
            description = "mislabel: seed of the random projection (default: ${DEFAULT-VALUE})")
    long projectionSeed;

    @Option(names = "--verbose", description = "print per-epoch metrics to stderr")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingListener listener = !verbose ? TrainingListener.NONE : new TrainingListener() {
            @Override
            public void onEpoch(int epoch, Map<String, Double> metrics) {
                err.printf(Locale.ROOT, "  epoch %d %s%n", epoch, metrics);
                err.flush();
            }
        };
        Path datasets = DatasetsDirectory.locate();
        ExplanationPenalty.Target t;
        try {
            t = ExplanationPenalty.Target.fromCliName(target);
        } catch (IllegalArgumentException e) {
            err.println("gradlens experiment: " + e.getMessage());
            return 2;
        }
        switch (name) {
            case "decoy-mnist", "decoy-text" -> {
                boolean image = name.equals("decoy-mnist");
                DecoyExperiment.Settings d = image ? DecoyExperiment.imageDefaults() : DecoyExperiment.textDefaults();
                DecoyExperiment.Settings s = new DecoyExperiment.Settings(epochs == null ? d.epochs() : epochs,
                        batchSize == null ? d.batchSize() : batchSize,
                        lambda == null ? (image ? DecoyExperiment.paperLambda(batchSize == null ? d.batchSize() : batchSize)
                                : d.lambda()) : lambda, seed, trainSize, t);
                out.printf(Locale.ROOT, "%s: epochs %d, batch %d, lambda %.6g, target %s, seed %d, train size %s%n",
                        name, s.epochs(), s.batchSize(), s.lambda(), target, s.seed(),
                        s.trainSize() == 0 ? "all" : s.trainSize());
                out.flush();
                List<DecoyExperiment.Run> runs = image ? DecoyExperiment.mnist(datasets, s, listener)
                        : DecoyExperiment.text(datasets, s, listener);
                out.printf(Locale.ROOT, "%-15s %-12s %10s %9s %9s %9s%n", "run", "dataset", "lambda", "train_acc",
                        "test_acc", "seconds");
                for (DecoyExperiment.Run r : runs) {
                    out.printf(Locale.ROOT, "%-15s %-12s %10.4g %9.4f %9.4f %9.1f%n", r.name(), r.dataset(), r.lambda(),
                            r.trainAccuracy(), r.testAccuracy(), r.seconds());
                }
                out.flush();
                return 0;
            }
            case "mislabel" -> {
                if (projectionDim < 1) {
                    err.println("gradlens experiment: --projection-dim must be at least 1, got " + projectionDim);
                    return 2;
                }
                MislabelExperiment.Result r = MislabelExperiment.run(datasets, dataset, flip,
                        epochs == null ? 6 : epochs, batchSize == null ? 64 : batchSize, seed, trainSize,
                        new io.gradlens.explain.influence.GradientProjection(projectionDim, projectionSeed), listener);
                out.print(r.table());
                out.flush();
                return 0;
            }
            default -> {
                err.println("gradlens experiment: unknown experiment '" + name + "'; use decoy-mnist, decoy-text or mislabel");
                return 2;
            }
        }
    }

    /** Runs the command on its own (the {@code gradlens} root command registers it as a sub-command). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExperimentCommand()).execute(args));
    }
}
