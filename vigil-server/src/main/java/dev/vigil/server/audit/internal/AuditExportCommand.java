package dev.vigil.server.audit.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.merkle.MerkleHash;
import dev.vigil.ledger.note.SignedCheckpoint;
import dev.vigil.ledger.store.CheckpointDirectory;
import dev.vigil.server.platform.config.CliSettings;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.database.EmbeddedPostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil audit export --to DIR}: the ledger as an export folder (records.jsonl, leaf-hashes, checkpoints/,
 * public-key) that {@code vigil audit verify} checks offline — from a running server ({@code --server URL --token T})
 * or from a stopped instance's data folder ({@code --data-dir DIR}). With {@code --review ID} (server mode) the review
 * period, its selected records and findings are added under {@code review/} as evidence.
 */
@org.springframework.modulith.NamedInterface("cli") // VigilMain registers this command (it needs no running server)
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the audit ledger (records, checkpoints, public key) for offline verification.")
public final class AuditExportCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Empty or new folder for the export.")
    Path target;

    @Option(names = "--server", paramLabel = "URL", description = "Base URL of a running server, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "API token or bearer session with audit:read (also VIGIL_TOKEN).")
    String token;

    @Option(names = "--review", paramLabel = "ID", description = "Also export this review period as evidence (server mode).")
    String review;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder of a stopped instance (VIGIL_DATA_DIR).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (VIGIL_CONFIG).")
    Path config;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public Integer call() {
        try {
            prepareEmpty(target);
            String summary = server != null ? fromServer() : fromDataFolder();
            System.out.println(summary);
            return 0;
        } catch (Exception e) {
            System.err.println("vigil audit export: " + e.getMessage());
            return 2;
        }
    }

    private String fromDataFolder() throws IOException {
        Map<String, Object> flags = new LinkedHashMap<>();
        if (dataDir != null) {
            flags.put("vigil.data-dir", dataDir.toString());
        }
        VigilProperties settings = CliSettings.load(config, flags);
        Path folder = settings.resolvedDataDir();
        if (!Files.isDirectory(folder.resolve(LedgerConfiguration.DIRECTORY))) {
            throw new IOException(folder + " holds no audit ledger");
        }
        if (EmbeddedPostgresServer.runningPort(folder).isPresent()) {
            throw new IOException("a server is running on " + folder + "; export from it with --server URL --token T");
        }
        try (Ledger ledger = Ledger.open(folder.resolve(LedgerConfiguration.DIRECTORY),
                LedgerSignerKey.loadOrCreate(folder, settings.audit().origin()))) {
            SignedCheckpoint head = ledger.exportTo(target);
            return "exported " + head.checkpoint().treeSize() + " records and " + ledger.checkpoints().size()
                    + " checkpoints to " + target;
        }
    }

    private String fromServer() throws Exception {
        String bearer = token != null ? token : System.getenv("VIGIL_TOKEN");
        if (bearer == null || bearer.isBlank()) {
            throw new IOException("--token (or VIGIL_TOKEN) is needed with --server");
        }
        Api api = new Api(server.replaceAll("/+$", ""), bearer);
        String publicKey = api.text("GET", "/api/v1/audit/public-key");
        SignedCheckpoint head = SignedCheckpoint.open(api.text("POST", "/api/v1/audit/checkpoint").getBytes(StandardCharsets.UTF_8),
                List.of(dev.vigil.ledger.note.NoteVerifierKey.parse(publicKey.strip())));
        long size = head.checkpoint().treeSize();
        JsonNode checkpoints = json.readTree(api.text("GET", "/api/v1/audit/checkpoints"));
        try (OutputStream records = new BufferedOutputStream(Files.newOutputStream(target.resolve(LedgerLayout.RECORDS)));
                OutputStream leaves = new BufferedOutputStream(Files.newOutputStream(target.resolve(LedgerLayout.LEAF_HASHES)))) {
            long next = 0;
            while (next < size) {
                JsonNode page = json.readTree(api.text("GET", "/api/v1/audit/records?from=" + next + "&limit=1000"));
                if (page.isEmpty()) {
                    throw new IOException("the server returned no record " + next + " although its checkpoint covers " + size);
                }
                for (JsonNode record : page) {
                    if (next >= size) {
                        break;
                    }
                    if (record.get("seq").asLong() != next) {
                        throw new IOException("the server skipped record " + next);
                    }
                    byte[] canonical = Base64.getDecoder().decode(record.get("leaf").asString());
                    records.write(canonical);
                    records.write('\n');
                    leaves.write(MerkleHash.leaf(canonical));
                    next++;
                }
            }
        }
        Path checkpointDir = Files.createDirectories(target.resolve(LedgerLayout.CHECKPOINTS));
        int issued = 0;
        for (JsonNode note : checkpoints) {
            SignedCheckpoint checkpoint = SignedCheckpoint.open(note.asString().getBytes(StandardCharsets.UTF_8),
                    List.of(dev.vigil.ledger.note.NoteVerifierKey.parse(publicKey.strip())));
            if (checkpoint.checkpoint().treeSize() <= size) {
                CheckpointDirectory.write(checkpointDir, issued++, checkpoint);
            }
        }
        Files.writeString(target.resolve(LedgerLayout.PUBLIC_KEY), publicKey.strip() + "\n", StandardCharsets.UTF_8);
        if (review != null) {
            Path reviewDir = Files.createDirectories(target.resolve("review"));
            String base = "/api/v1/audit/reviews/" + review;
            Files.writeString(reviewDir.resolve("period.json"), api.text("GET", base));
            Files.writeString(reviewDir.resolve("items.json"), api.text("GET", base + "/items?limit=1000"));
            Files.writeString(reviewDir.resolve("findings.json"), api.text("GET", base + "/findings"));
        }
        return "exported " + size + " records and " + issued + " checkpoints from " + server + " to " + target
                + (review != null ? " with review " + review : "");
    }

    private static void prepareEmpty(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty");
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** The few calls the export makes, with errors that name the request. */
    private record Api(String base, String token) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        String text(String method, String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
