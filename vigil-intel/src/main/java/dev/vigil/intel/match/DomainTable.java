package dev.vigil.intel.match;

/**
 * Domain indicators keyed by canonical name. A lookup walks the queried name from its end, hashing as it goes, and
 * probes at each label boundary ({@code test}, {@code evil.test}, {@code b.evil.test}, {@code a.b.evil.test}): a
 * subdomain match always sits on a label boundary, costs one probe per label instead of a scan, and no substring is
 * created.
 */
final class DomainTable {

    /** Receives hits, telling whether the indicator is the queried name itself or a parent domain of it. */
    interface DomainVisitor {
        void visit(int posting, boolean exact);
    }

    private final TextTable names = new TextTable();

    void add(String canonicalName, int ordinal) {
        names.add(canonicalName, ordinal);
    }

    SharedPostings postings() {
        return names.postings();
    }

    /** Visits the encoded postings of the name itself and of each parent domain that is indexed. */
    void forEachMatch(String canonicalName, DomainVisitor visitor) {
        int end = canonicalName.length();
        int hash = 0;
        for (int i = end - 1; i >= 0; i--) {
            hash = TextTable.step(hash, canonicalName.charAt(i));
            if (i == 0 || canonicalName.charAt(i - 1) == '.') {
                int posting = names.find(canonicalName, i, end, hash);
                if (posting != SharedPostings.NONE) {
                    visitor.visit(posting, i == 0);
                }
            }
        }
    }
}
