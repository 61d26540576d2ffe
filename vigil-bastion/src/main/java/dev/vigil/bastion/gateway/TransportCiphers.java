package dev.vigil.bastion.gateway;

import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.helpers.AbstractFactoryManager;

/**
 * The ciphers of both gateway legs, best first. AES-GCM and AES-CTR run in the JDK on the CPU's AES instructions;
 * MINA's ChaCha20-Poly1305 is plain Java and was the relay's largest CPU cost per byte (docs/BENCHMARKS.md).
 * The operator's client chooses among what the front offers, so ChaCha20 is not offered there (every OpenSSH client
 * also speaks AES-GCM and AES-CTR); the gateway chooses upstream, where ChaCha20 stays last for a target that offers
 * nothing else. CBC modes are offered on neither leg.
 */
final class TransportCiphers {

    private static final List<BuiltinCiphers> AES = List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr,
            BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr);

    private TransportCiphers() {
    }

    /** The operator-facing server. */
    static void front(AbstractFactoryManager server) {
        server.setCipherFactories(factories(AES));
    }

    /** The client that logs in to targets. */
    static void upstream(AbstractFactoryManager client) {
        List<BuiltinCiphers> ciphers = new ArrayList<>(AES);
        ciphers.add(BuiltinCiphers.cc20p1305_openssh);
        client.setCipherFactories(factories(ciphers));
    }

    private static List<NamedFactory<Cipher>> factories(List<BuiltinCiphers> ciphers) {
        return new ArrayList<>(ciphers);
    }
}
