package dev.vigil.intel.match;

/** Receives the live matches of a lookup as indicator ordinals of the index that found them. */
@FunctionalInterface
interface MatchSink {
    void accept(int ordinal, MatchKind kind);
}
