package dev.vigil.detect.sigma.value;

/** A typed value of a detection item after all modifiers have been applied. */
public sealed interface SigmaValue permits SigmaString, SigmaRegex, SigmaCidr, SigmaNumberComparison, SigmaNull,
        SigmaExists, SigmaFieldRef, SigmaExpansion {
}
