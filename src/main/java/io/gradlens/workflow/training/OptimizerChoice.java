package io.gradlens.workflow.training;

import io.gradlens.train.Adam;
import io.gradlens.train.Optimizer;
import io.gradlens.train.Sgd;

/** The optimizers {@code train} offers, by their command-line names. */
public enum OptimizerChoice {
    /** Adam (Kingma and Ba 2015, https://arxiv.org/abs/1412.6980) with its default betas. */
    ADAM("adam"),
    /** Plain stochastic gradient descent. */
    SGD("sgd"),
    /** SGD with momentum μ ({@code --momentum}). */
    SGD_MOMENTUM("sgd-momentum");

    private final String cliName;

    OptimizerChoice(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --optimizer} takes and a bundle records. */
    public String cliName() {
        return cliName;
    }

    /** The optimizer named {@code name} (case-insensitive). */
    public static OptimizerChoice fromCliName(String name) {
        return CliNames.find(values(), OptimizerChoice::cliName, name).orElseThrow(() ->
                new IllegalArgumentException("unknown optimizer '" + name + "'; use adam, sgd or sgd-momentum"));
    }

    /** A fresh optimizer with step size {@code learningRate} (and {@code momentum} for sgd-momentum). */
    public Optimizer create(double learningRate, double momentum) {
        return switch (this) {
            case ADAM -> new Adam(learningRate);
            case SGD -> new Sgd(learningRate);
            case SGD_MOMENTUM -> new Sgd(learningRate, momentum);
        };
    }
}
