package dev.vigil.bastion.kex;

import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.digest.Digest;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.apache.sshd.common.kex.MontgomeryCurve;
import org.apache.sshd.common.kex.XDH;

/**
 * The client side of one {@code sntrup761x25519-sha512} key exchange with key pairs made beforehand: what MINA's
 * built-in factory creates (raw X25519 secret, SHA-512, the sntrup761 KEM), except that the key pairs come from
 * {@link HybridClientKeys} instead of being generated when the exchange starts. MINA's {@code DHGClient} runs the
 * protocol around it unchanged.
 */
final class PreparedHybridDH extends XDH {

    private final HybridClientKeys keys;

    PreparedHybridDH(HybridClientKeys keys) throws Exception {
        super(MontgomeryCurve.x25519, true);
        this.keys = keys;
    }

    @Override
    protected byte[] calculateE() throws Exception {
        myKeyAgree.init(keys.x25519().getPrivate());
        return curve.encode(keys.x25519().getPublic());
    }

    @Override
    public KeyEncapsulationMethod getKeyEncapsulation() {
        return new KeyEncapsulationMethod() {
            @Override
            public Client getClient() {
                return new PreparedKemClient(keys.sntrup761());
            }

            @Override
            public Server getServer() {
                throw new UnsupportedOperationException("key pairs made ahead of time serve the client side only");
            }
        };
    }

    @Override
    public Digest getHash() throws Exception {
        return BuiltinDigests.sha512.create();
    }

    /** MINA's KEM client whose key pair already exists: {@code init()}, which would generate a new one, does nothing. */
    private record PreparedKemClient(KeyEncapsulationMethod.Client initialised) implements KeyEncapsulationMethod.Client {
        @Override
        public void init() {
        }

        @Override
        public byte[] getPublicKey() {
            return initialised.getPublicKey();
        }

        @Override
        public byte[] extractSecret(byte[] encapsulated) {
            return initialised.extractSecret(encapsulated);
        }

        @Override
        public int getEncapsulationLength() {
            return initialised.getEncapsulationLength();
        }
    }
}
