package dev.vigil.intel.match;

/**
 * Domain indicators keyed by canonical name. A lookup walks the queried name's label suffixes
 * ({@code a.b.evil.test}, {@code b.evil.test}, {@code evil.test}, {@code test}) so a subdomain match always sits on a
 * label boundary and costs one probe per label instead of a scan.
 */
final class DomainTable {

    /** Receives hits, telling whether the indicator is the queried name itself or a parent domain of it. */
    interface DomainVisitor {
        void visit(int ordinal, boolean exact);
    }

    private final PostingMap<String> names = new PostingMap<>();

    void add(String canonicalName, int ordinal) {
        names.add(canonicalName, ordinal);
    }

    void forEachMatch(String canonicalName, DomainVisitor visitor) {
        names.forEach(canonicalName, ordinal -> visitor.visit(ordinal, true));
        for (int dot = canonicalName.indexOf('.'); dot >= 0; dot = canonicalName.indexOf('.', dot + 1)) {
            String parent = canonicalName.substring(dot + 1);
            names.forEach(parent, ordinal -> visitor.visit(ordinal, false));
        }
    }
}
