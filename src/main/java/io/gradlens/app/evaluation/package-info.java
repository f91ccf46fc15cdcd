/**
 * The Evaluate tab: faithfulness metrics of the attribution methods on the current model, as
 * deletion/insertion curves and a method × metric table with 95% intervals and the random
 * baseline.
 */
package io.gradlens.app.evaluation;
