package dev.vigil.intel.match;

/** Receives the ordinals of the indicators stored under a key. */
@FunctionalInterface
interface PostingVisitor {
    void visit(int ordinal);
}
