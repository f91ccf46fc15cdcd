/**
 * Small UI-free contracts shared by long computations: progress reporting and cooperative
 * cancellation. Core code reports to these; the GUI and CLI wrap them.
 */
package io.gradlens.util;
