package dev.vigil.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.server.VigilApplication;
import dev.vigil.server.VigilMain;
import dev.vigil.server.platform.config.StartupRefusedException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit ledger through the running server: signed checkpoints, proofs an independent RFC 9162 verifier accepts,
 * exports that `vigil audit verify` accepts (and rejects once altered), and a server that refuses to start on a
 * store that was edited or rolled back behind the checkpoint it published.
 */
@Tag("e2e")
class LedgerServerIT {

    private static final String TOKEN = "ledger-it-token-0123456789";
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void checkpointsProofsExportsAndTamperDetection() throws Exception {
        Path dataDir = Files.createTempDirectory("vigil-ledger-it");
        Path published = Files.createTempDirectory("vigil-ledger-published");
        int port;
        Path olderCopy = Files.createTempDirectory("vigil-ledger-older");
        try (ConfigurableApplicationContext server = start(dataDir, published)) {
            port = port(server);
            createUser(port, "ledger-user-1");
            createUser(port, "ledger-user-2");

            // A signed checkpoint in signed-note form, and the public key without signing in.
            String note = call(port, "POST", "/api/v1/audit/checkpoint", null).body();
            List<String> lines = note.lines().toList();
            assertThat(lines.get(0)).isEqualTo("vigil-audit");
            long size = Long.parseLong(lines.get(1));
            byte[] root = Base64.getDecoder().decode(lines.get(2));
            assertThat(lines.get(3)).isEmpty();
            assertThat(lines.get(4)).startsWith("\u2014 vigil-audit ");
            assertThat(size).isGreaterThanOrEqualTo(3);
            HttpResponse<String> key = http.send(HttpRequest.newBuilder(uri(port, "/api/v1/audit/public-key")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(key.statusCode()).isEqualTo(200);
            assertThat(key.body()).startsWith("vigil-audit+");
            assertThat(Files.readString(published.resolve("checkpoint"))).isEqualTo(note);

            // Every record's leaf hash, recomputed here from its canonical bytes, is proven into the signed root.
            JsonNode records = json.readTree(call(port, "GET", "/api/v1/audit/records?from=0&limit=1000", null).body());
            List<byte[]> leaves = new ArrayList<>();
            for (JsonNode record : records) {
                leaves.add(leafHash(Base64.getDecoder().decode(record.get("leaf").asString())));
            }
            for (long index = 0; index < size; index++) {
                JsonNode proof = json.readTree(call(port, "GET", "/api/v1/audit/proof/inclusion?index=" + index + "&size=" + size, null).body());
                List<byte[]> path = new ArrayList<>();
                proof.get("hashes").forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
                assertThat(RfcVerifier.rootFromInclusion(index, size, leaves.get((int) index), path)).as("inclusion of %d", index)
                        .isEqualTo(root);
            }
            JsonNode consistency = json.readTree(call(port, "GET", "/api/v1/audit/proof/consistency?from=1&to=" + size, null).body());
            assertThat(consistency.get("toRoot").asString()).isEqualTo(Base64.getEncoder().encodeToString(root));

            // An export from the running server verifies offline; one edited byte does not.
            Path export = Files.createTempDirectory("vigil-export").resolve("out");
            assertThat(VigilMain.commandLine().execute("audit", "export", "--to", export.toString(),
                    "--server", "http://127.0.0.1:" + port, "--token", TOKEN)).isZero();
            assertThat(VigilMain.commandLine().execute("audit", "verify", export.toString(),
                    "--trusted-checkpoint", published.resolve("checkpoint").toString())).isZero();
            Path records2 = export.resolve("records.jsonl");
            Files.writeString(records2, Files.readString(records2).replaceFirst("\"outcome\":\"success\"", "\"outcome\":\"failure\""));
            assertThat(VigilMain.commandLine().execute("audit", "verify", export.toString())).isEqualTo(1);

            // Bad proof requests are 400s with a reason.
            assertThat(call(port, "GET", "/api/v1/audit/proof/inclusion?index=5&size=" + (size + 100), null).statusCode()).isEqualTo(400);
        }
        copyTree(dataDir, olderCopy);

        // More records and a newer published checkpoint; the server stops.
        try (ConfigurableApplicationContext server = start(dataDir, published)) {
            createUser(port(server), "ledger-user-3");
            call(port(server), "POST", "/api/v1/audit/checkpoint", null);
        }

        // A stopped instance exports from its data folder.
        Path offline = Files.createTempDirectory("vigil-export").resolve("offline");
        assertThat(VigilMain.commandLine().execute("audit", "export", "--to", offline.toString(), "--data-dir", dataDir.toString())).isZero();
        assertThat(VigilMain.commandLine().execute("audit", "verify", offline.toString(),
                "--trusted-checkpoint", published.resolve("checkpoint").toString())).isZero();

        // Rolled back to the older (internally consistent) state: refused against the published checkpoint.
        assertThatThrownBy(() -> start(olderCopy, published).close())
                .hasRootCauseInstanceOf(StartupRefusedException.class);

        // One record edited in the live store: refused.
        Path recordsFile = dataDir.resolve("ledger").resolve("records.jsonl");
        Files.writeString(recordsFile, Files.readString(recordsFile).replaceFirst("ledger-user-1", "ledger-user-X"));
        assertThatThrownBy(() -> start(dataDir, published).close())
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("tampering");
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path published) {
        return VigilApplication.start("--vigil.data-dir=" + dataDir, "--vigil.http.port=0",
                "--vigil.audit.publish-dir=" + published, "--vigil.bootstrap.admin-password=ledger-admin-pw",
                "--vigil.bootstrap.api-token=" + TOKEN);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private void createUser(int port, String name) throws Exception {
        assertThat(call(port, "POST", "/api/v1/users", "{\"username\":\"" + name + "\",\"roles\":[\"soc-analyst\"]}").statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] leafHash(byte[] data) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        sha.update(data);
        return sha.digest();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source) && Files.isDirectory(target)) {
                    continue;
                }
                if (!source.getFileName().toString().equals("postmaster.pid")) {
                    // keep permissions: PostgreSQL wants a 0700 cluster and executable binaries
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** RFC 9162 §2.1.3.2 inclusion verification, written from the RFC independently of the ledger library. */
    static final class RfcVerifier {

        static byte[] rootFromInclusion(long index, long size, byte[] leaf, List<byte[]> path) throws Exception {
            long fn = index;
            long sn = size - 1;
            byte[] r = leaf;
            for (byte[] p : path) {
                if (sn == 0) {
                    throw new IllegalStateException("proof too long");
                }
                if ((fn & 1) == 1 || fn == sn) {
                    r = node(p, r);
                    if ((fn & 1) == 0) {
                        while ((fn & 1) == 0 && fn != 0) {
                            fn >>= 1;
                            sn >>= 1;
                        }
                    }
                } else {
                    r = node(r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            if (sn != 0) {
                throw new IllegalStateException("proof too short");
            }
            return r;
        }

        private static byte[] node(byte[] left, byte[] right) throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 1);
            sha.update(left);
            sha.update(right);
            return sha.digest();
        }
    }
}
