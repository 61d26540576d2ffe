package dev.vigil.intel.match;

import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv4Network;

import java.util.Arrays;

/**
 * IPv4 CIDR indicators as one primitive hash map per prefix length: a lookup masks the address once per length in use
 * (at most 33 probes, usually a handful) and reports every containing network, not only the longest.
 */
final class Ipv4NetworkTable {

    private final LongPostingMap[] byLength = new LongPostingMap[33];
    private int[] lengthsInUse = new int[0];

    void add(Ipv4Network network, int ordinal) {
        int length = network.prefixLength();
        if (byLength[length] == null) {
            byLength[length] = new LongPostingMap();
            int[] lengths = new int[lengthsInUse.length + 1];
            System.arraycopy(lengthsInUse, 0, lengths, 0, lengthsInUse.length);
            lengths[lengthsInUse.length] = length;
            Arrays.sort(lengths);
            lengthsInUse = lengths;
        }
        byLength[length].add(network.network(), ordinal);
    }

    void forEachContaining(long address, PostingVisitor visitor) {
        for (int length : lengthsInUse) {
            byLength[length].forEach(address & Ipv4.mask(length), visitor);
        }
    }
}
