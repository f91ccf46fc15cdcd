/**
 * The faithfulness evaluation use case behind {@code gradlens evaluate} and the workbench's
 * Evaluate tab: examples of a dataset split, explained by each chosen method, scored by each
 * chosen metric of {@link io.gradlens.explain.evaluation} beside a seeded random baseline.
 */
package io.gradlens.workflow.evaluation;
