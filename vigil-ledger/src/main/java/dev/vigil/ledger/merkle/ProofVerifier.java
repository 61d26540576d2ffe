package dev.vigil.ledger.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * Verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, with the additional checks of the
 * reference verifier {@code transparency-dev/merkle}: 32-byte leaf hash, exact proof length, no consistency from the
 * empty tree. Sizes and indices are unsigned 64-bit values.
 *
 * <p>A proof does not authenticate the tree size: callers must take {@code treeSize} and {@code root} from a verified
 * signed checkpoint.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        byte[] computed = rootFromInclusionProof(leafIndex, treeSize, leafHash, proof);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** The root implied by an inclusion proof, or {@code null} when the inputs are malformed. */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (Long.compareUnsigned(leafIndex, treeSize) >= 0 || leafHash == null || leafHash.length != MerkleHash.SIZE) {
            return null;
        }
        int inner = 64 - Long.numberOfLeadingZeros(leafIndex ^ (treeSize - 1));
        int border = Long.bitCount(leafIndex >>> inner);
        if (proof.size() != inner + border) {
            return null;
        }
        byte[] r = leafHash;
        for (int i = 0; i < inner; i++) {
            r = ((leafIndex >>> i) & 1) == 0 ? MerkleHash.node(r, proof.get(i)) : MerkleHash.node(proof.get(i), r);
        }
        for (int i = inner; i < proof.size(); i++) {
            r = MerkleHash.node(proof.get(i), r);
        }
        return r;
    }

    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (Long.compareUnsigned(size2, size1) < 0 || size1 == 0) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        int start = 0;
        byte[] first;
        if ((size1 & (size1 - 1)) == 0) {
            first = root1;
        } else {
            first = proof.get(0);
            start = 1;
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }
}
