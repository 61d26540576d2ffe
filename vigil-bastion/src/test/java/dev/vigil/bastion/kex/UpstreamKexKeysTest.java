package dev.vigil.bastion.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.VaultedKeys;
import dev.vigil.testkit.ssh.TargetSshd;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UpstreamKexKeysTest {

    private static SshClient isolatedClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        return client;
    }

    private static void awaitReady(UpstreamKexKeys keys, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (keys.ready() < count) {
            assertThat(System.nanoTime()).as("key pairs made ahead in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String exec(ClientSession session, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.open().verify(Duration.ofSeconds(10));
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(10));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRealOpenSshServerNegotiatesTheHybridExchangeWithKeyPairsMadeAheadAndEachRekeyUsesANewOne() throws Exception {
        try (TargetSshd sshd = TargetSshd.start(); UpstreamKexKeys keys = new UpstreamKexKeys(new KexKeyPoolSettings(2, Duration.ofMinutes(5)))) {
            SshClient client = isolatedClient();
            keys.installOn(client);
            client.setServerKeyVerifier((session, address, key) -> OpenSshKeys.same(OpenSshKeys.parse(sshd.hostPublicKey()), key));
            client.start();
            try {
                awaitReady(keys, 2);
                try (ClientSession session = client.connect(sshd.account(), "127.0.0.1", sshd.port()).verify(Duration.ofSeconds(10)).getSession()) {
                    VaultedKeys.addIdentity(session, new UpstreamCredential.PrivateKey(sshd.accountPrivateKey(), null));
                    session.auth().verify(Duration.ofSeconds(10));

                    // OpenSSH offers the exchange under both names (the older with @openssh.com); MINA prefers the standard one
                    assertThat(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS)).isEqualTo("sntrup761x25519-sha512");
                    assertThat(keys.servedAhead()).isEqualTo(1);
                    assertThat(exec(session, "echo through the hybrid exchange")).isEqualTo("through the hybrid exchange\n");

                    session.reExchangeKeys().verify(Duration.ofSeconds(10));
                    assertThat(keys.servedAhead() + keys.generatedInline()).isEqualTo(2);
                    assertThat(exec(session, "echo after rekeying")).isEqualTo("after rekeying\n");
                }
            } finally {
                client.stop();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = BuiltinDHFactories.class, names = {"sntrup761x25519", "sntrup761x25519_openssh"})
    void eachNameOfTheExchangeWorksAgainstAServerThatOffersOnlyIt(BuiltinDHFactories offered) throws Exception {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setKeyExchangeFactories(List.of(ServerBuilder.DH2KEX.apply(offered)));
        server.setPasswordAuthenticator((user, password, session) -> "secret".equals(password));
        server.start();
        try (UpstreamKexKeys keys = new UpstreamKexKeys(new KexKeyPoolSettings(1, Duration.ofMinutes(5)))) {
            SshClient client = isolatedClient();
            keys.installOn(client);
            client.setServerKeyVerifier((session, address, key) -> true);
            client.start();
            try {
                awaitReady(keys, 1);
                try (ClientSession session = client.connect("someone", "127.0.0.1", server.getPort()).verify(Duration.ofSeconds(10)).getSession()) {
                    session.addPasswordIdentity("secret");
                    // the password travels encrypted with the derived keys: both sides agreed on the secret
                    session.auth().verify(Duration.ofSeconds(10));

                    assertThat(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS)).isEqualTo(offered.getName());
                    assertThat(keys.servedAhead()).isEqualTo(1);
                }
            } finally {
                client.stop();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void installingKeepsTheClientsKeyExchangesAndTheirOrder() {
        SshClient client = isolatedClient();
        List<String> before = NamedResource.getNameList(client.getKeyExchangeFactories());
        try (UpstreamKexKeys keys = new UpstreamKexKeys(KexKeyPoolSettings.DEFAULT)) {
            keys.installOn(client);
        }
        assertThat(NamedResource.getNameList(client.getKeyExchangeFactories())).isEqualTo(before);
        assertThat(before.getFirst()).isEqualTo("sntrup761x25519-sha512");
    }

    @Test
    void aPoolOfSizeZeroLeavesMinasOwnKeyExchanges() {
        SshClient client = isolatedClient();
        var before = List.copyOf(client.getKeyExchangeFactories());
        try (UpstreamKexKeys keys = new UpstreamKexKeys(KexKeyPoolSettings.OFF)) {
            keys.installOn(client);
        }
        assertThat(client.getKeyExchangeFactories()).containsExactlyElementsOf(before);
    }
}
