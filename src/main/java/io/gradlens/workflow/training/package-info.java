/**
 * Training, orchestrated once for {@code bin/gradlens train}, the workbench's Training tab and the
 * experiments: a {@link io.gradlens.workflow.training.TrainingSpec} (the data and
 * {@link io.gradlens.workflow.training.TrainingSettings}, whose defaults are the command line's) goes
 * into {@link io.gradlens.workflow.training.TrainingWorkflow}, which prepares the data, builds the
 * architecture, runs {@link io.gradlens.train.Trainer} (optionally with the "right for the right
 * reasons" penalty and TracIn checkpoints) and returns a
 * {@link io.gradlens.workflow.training.TrainingResult} with the model and its typed
 * {@link io.gradlens.workflow.ModelProvenance}.
 */
package io.gradlens.workflow.training;
