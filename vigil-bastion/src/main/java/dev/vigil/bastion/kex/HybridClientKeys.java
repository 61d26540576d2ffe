package dev.vigil.bastion.kex;

import java.security.KeyPair;

import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.apache.sshd.common.kex.MontgomeryCurve;

/**
 * The client's ephemeral share of one {@code sntrup761x25519-sha512} key exchange: an sntrup761 key pair (held by
 * MINA's own KEM client, already initialised) and an X25519 key pair. Made by the same MINA calls, with the same random
 * source, that MINA's key exchange makes inline; used for exactly one key exchange.
 */
record HybridClientKeys(KeyEncapsulationMethod.Client sntrup761, KeyPair x25519) {

    static HybridClientKeys generate() {
        KeyEncapsulationMethod.Client kem = BuiltinKEM.sntrup761.getClient();
        kem.init();
        return new HybridClientKeys(kem, MontgomeryCurve.x25519.generateKeyPair());
    }
}
