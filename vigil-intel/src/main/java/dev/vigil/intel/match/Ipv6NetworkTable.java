package dev.vigil.intel.match;

import dev.vigil.intel.canonical.Ipv6;
import dev.vigil.intel.canonical.Ipv6Network;

import java.util.Arrays;

/** IPv6 CIDR indicators as one hash map per prefix length in use; a lookup reports every containing network. */
final class Ipv6NetworkTable {

    @SuppressWarnings("unchecked")
    private final PostingMap<Ipv6>[] byLength = new PostingMap[129];
    private int[] lengthsInUse = new int[0];

    void add(Ipv6Network network, int ordinal) {
        int length = network.prefixLength();
        if (byLength[length] == null) {
            byLength[length] = new PostingMap<>();
            int[] lengths = Arrays.copyOf(lengthsInUse, lengthsInUse.length + 1);
            lengths[lengthsInUse.length] = length;
            Arrays.sort(lengths);
            lengthsInUse = lengths;
        }
        byLength[length].add(network.network(), ordinal);
    }

    void forEachContaining(Ipv6 address, PostingVisitor visitor) {
        for (int length : lengthsInUse) {
            byLength[length].forEach(address.masked(length), visitor);
        }
    }
}
