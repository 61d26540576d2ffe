package dev.vigil.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/** Direct transcription of the recursive RFC 9162 §2.1 definitions, as an independent oracle for tests. */
final class ReferenceMerkle {

    private ReferenceMerkle() {
    }

    static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> result = new ArrayList<>();
        if (leaves.size() <= 1) {
            return result;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(mth(leaves.subList(k, leaves.size())));
        } else {
            result.addAll(path(m - k, leaves.subList(k, leaves.size())));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean complete) {
        List<byte[]> result = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!complete) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), complete));
            result.add(mth(leaves.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, n), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }
}
