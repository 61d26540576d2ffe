package dev.vigil.bastion.kex;

import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.kex.DHGClient;
import org.apache.sshd.common.kex.AbstractKexFactoryManager;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;

/**
 * The client key pairs of the post-quantum hybrid key exchange ({@code sntrup761x25519-sha512}), made ahead of time
 * on a background thread so that a login to a target does not wait for them. sntrup761 key generation is plain Java
 * (BouncyCastle) and was the largest single cost of a gateway login (docs/BENCHMARKS.md "Bastion gateway"). Each key
 * pair serves one key exchange and is then dropped; unused ones are dropped after the maximum age; an empty pool means
 * the login generates its own, exactly as MINA does (docs/BASTION.md).
 */
public final class UpstreamKexKeys implements AutoCloseable {

    private final int size;
    private final EphemeralPool<HybridClientKeys> pool;

    public UpstreamKexKeys(KexKeyPoolSettings settings) {
        // without sntrup761 (FIPS mode, an old BouncyCastle) MINA does not offer the exchange and nothing is made ahead
        size = BuiltinDHFactories.sntrup761x25519.isSupported() ? settings.size() : 0;
        pool = new EphemeralPool<>("vigil-bastion-kex-keys", HybridClientKeys::generate, size, settings.maxAge(), System::nanoTime);
    }

    /**
     * Replaces the client's {@code sntrup761x25519-sha512} key exchanges (under both names) with ones that take their
     * key pairs from this pool. The list's order, i.e. what the client prefers, is unchanged; with a pool of size 0
     * nothing is replaced.
     */
    public void installOn(AbstractKexFactoryManager client) {
        if (size == 0) {
            return;
        }
        List<KeyExchangeFactory> factories = new ArrayList<>();
        for (KeyExchangeFactory factory : client.getKeyExchangeFactories()) {
            BuiltinDHFactories hybrid = hybrid(factory.getName());
            factories.add(hybrid == null ? factory : DHGClient.newFactory(new PreparedHybridFactory(hybrid, pool::take)));
        }
        client.setKeyExchangeFactories(factories);
    }

    /** Key exchanges that used a key pair made ahead of time. */
    public long servedAhead() {
        return pool.takenFromPool();
    }

    /** Key exchanges that found the pool empty and generated their key pairs inline. */
    public long generatedInline() {
        return pool.madeInline();
    }

    /** Key pairs ready now. */
    public int ready() {
        return pool.readyCount();
    }

    private static BuiltinDHFactories hybrid(String name) {
        return name.equals(BuiltinDHFactories.sntrup761x25519.getName()) ? BuiltinDHFactories.sntrup761x25519
                : name.equals(BuiltinDHFactories.sntrup761x25519_openssh.getName()) ? BuiltinDHFactories.sntrup761x25519_openssh : null;
    }

    /** Stops the background thread and drops every key pair not used. */
    @Override
    public void close() {
        pool.close();
    }
}
