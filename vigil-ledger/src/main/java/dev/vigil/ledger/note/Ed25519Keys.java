package dev.vigil.ledger.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Conversions between raw 32-byte Ed25519 keys (RFC 8032) and JDK key objects. */
final class Ed25519Keys {

    static final int KEY_SIZE = 32;
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), followed by the raw key. */
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    /** DER prefix of a PKCS#8 PrivateKeyInfo for Ed25519, followed by the raw 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private Ed25519Keys() {
    }

    static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    }

    static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
    }

    static byte[] rawPrivateKey(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length);
    }

    /**
     * The public key of a seed. The JDK has no public API for this derivation, but its Ed25519 key-pair generator
     * takes the seed as the next 32 random bytes, so a source that yields exactly the seed derives the pair.
     */
    static byte[] publicKeyOfSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new FixedSeed(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(rawPrivateKey(pair.getPrivate()), seed)) {
            throw new GeneralSecurityException("the Ed25519 provider did not use the given seed");
        }
        return rawPublicKey(pair.getPublic());
    }

    static KeyPair generate() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("expected a request for " + seed.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
