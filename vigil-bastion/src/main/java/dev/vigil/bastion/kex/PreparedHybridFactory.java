package dev.vigil.bastion.kex;

import java.util.function.Supplier;

import org.apache.sshd.common.kex.AbstractDH;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.DHFactory;

/**
 * Stands in for MINA's {@code sntrup761x25519-sha512} factory (under either of its names) on the client: same name,
 * same algorithm, key pairs from {@code keys} (one take per key exchange, rekeying included).
 */
final class PreparedHybridFactory implements DHFactory {

    private final BuiltinDHFactories builtin;
    private final Supplier<HybridClientKeys> keys;

    PreparedHybridFactory(BuiltinDHFactories builtin, Supplier<HybridClientKeys> keys) {
        this.builtin = builtin;
        this.keys = keys;
    }

    @Override
    public String getName() {
        return builtin.getName();
    }

    @Override
    public boolean isSupported() {
        return builtin.isSupported();
    }

    @Override
    public boolean isGroupExchange() {
        return false;
    }

    @Override
    public AbstractDH create(Object... params) throws Exception {
        if (params != null && params.length > 0) {
            throw new IllegalArgumentException("No accepted parameters for " + getName());
        }
        return new PreparedHybridDH(keys.get());
    }
}
