/** Deterministic test doubles of the core services (never product code). */
package io.gradlens.app.fakes;
