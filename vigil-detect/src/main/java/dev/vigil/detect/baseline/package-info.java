/**
 * Learned baselines for threats no rule describes: streaming detectors that learn what is normal per entity (a user, a
 * host, a source address) and raise a {@link dev.vigil.detect.baseline.Finding} on a deviation: a new term, a rare value,
 * a volume far above its seasonal level. Each detector has a warm-up, a sensitivity setting, bounded memory and a
 * versioned snapshot of its state. Algorithms, parameters and bounds: docs/DETECTION.md.
 */
package dev.vigil.detect.baseline;
