/**
 * The Hidden state tab: hidden-state gradients over time of a recurrent layer (Bengio, Simard and
 * Frasconi 1994; Pascanu, Mikolov and Bengio 2013) for the current example — the mean hidden
 * state per step, the gradient curve c[t] and the T&times;T map G[t][s] — and the curves over a
 * sample of the current dataset with a percentile band.
 */
package io.gradlens.app.hidden;
