/**
 * Whether the current model was made for the current dataset: the check run whenever either
 * changes ({@link io.gradlens.app.pairing.PairingCheck}), the banner above the analysis tabs that
 * says so in plain words ({@link io.gradlens.app.pairing.PairingBanner}), and the error reporter
 * that leaves refused computations to that banner ({@link io.gradlens.app.pairing.PairingAwareErrors}).
 */
package io.gradlens.app.pairing;
