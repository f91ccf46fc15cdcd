/**
 * Where GradLens lives on this machine: the one resolver of the shipped datasets and models (next
 * to an installed app image or a source checkout) and of the user's files in the XDG folders
 * ({@link io.gradlens.install.AppDirectories}), the one-time move of the old {@code ~/.gradlens}
 * ({@link io.gradlens.install.LegacyHome}) and the rotating log file
 * ({@link io.gradlens.install.LogSetup}). Imports nothing else of GradLens, so every floor may use it.
 */
package io.gradlens.install;
