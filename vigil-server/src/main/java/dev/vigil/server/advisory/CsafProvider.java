package dev.vigil.server.advisory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import dev.vigil.server.advisory.internal.ServerUrl;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public CSAF provider view (CSAF 2.0 §7): provider-metadata.json, and for TLP:WHITE releases the directory
 * {@code white/} with index.txt, changes.csv (newest first) and each advisory's latest release with its SHA-256 file.
 * Anyone may read it; only published TLP:WHITE releases appear.
 */
@Service
public class CsafProvider {

    /** The latest TLP:WHITE release of each advisory. */
    private static final String LATEST = """
            SELECT DISTINCT ON (r.advisory_id) r.file_path, r.document, r.released_at FROM csaf_advisory_release r
            JOIN csaf_advisory a ON a.id = r.advisory_id
            WHERE r.file_path <> '' ORDER BY r.advisory_id, r.version DESC""";

    private final JdbcClient jdbc;
    private final VigilProperties.Advisory settings;
    private final ServerUrl serverUrl;

    CsafProvider(JdbcClient jdbc, VigilProperties properties, ServerUrl serverUrl) {
        this.jdbc = jdbc;
        this.settings = properties.advisory();
        this.serverUrl = serverUrl;
    }

    private record Published(String path, String document, Instant releasedAt) {
    }

    public ObjectNode providerMetadata() {
        String base = serverUrl.base() + "/.well-known/csaf/";
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("canonical_url", base + "provider-metadata.json");
        metadata.putArray("distributions").addObject().put("directory_url", base + "white/");
        Instant updated = latest().stream().map(Published::releasedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        metadata.put("last_updated", updated.truncatedTo(ChronoUnit.SECONDS).toString());
        metadata.put("list_on_CSAF_aggregators", true);
        metadata.put("metadata_version", "2.0");
        metadata.put("mirror_on_CSAF_aggregators", true);
        metadata.putObject("publisher").put("category", "coordinator").put("name", settings.publisherName())
                .put("namespace", settings.publisherNamespace().isBlank() ? serverUrl.base() : settings.publisherNamespace());
        metadata.put("role", "csaf_provider");
        return metadata;
    }

    /** index.txt: one path (relative to white/) per line. */
    public String index() {
        StringBuilder text = new StringBuilder();
        latest().stream().map(p -> relative(p.path())).sorted().forEach(p -> text.append(p).append('\n'));
        return text.toString();
    }

    /** changes.csv: path and current release date, newest first. */
    public String changes() {
        StringBuilder csv = new StringBuilder();
        latest().stream().sorted((a, b) -> b.releasedAt().compareTo(a.releasedAt())).forEach(p -> csv.append('"')
                .append(relative(p.path())).append("\",\"").append(p.releasedAt().truncatedTo(ChronoUnit.SECONDS)).append("\"\n"));
        return csv.toString();
    }

    /** The latest release served at {@code white/<year>/<file>}. */
    public Optional<String> document(String year, String file) {
        String path = "white/" + year + "/" + file;
        return latest().stream().filter(p -> p.path().equals(path)).map(Published::document).findFirst();
    }

    /** The SHA-256 file of a document (§7.1.18): the hex digest, two blanks and the file name. */
    public Optional<String> sha256(String year, String file) {
        return document(year, file).map(d -> AdvisoryService.sha256(d) + "  " + file + "\n");
    }

    private List<Published> latest() {
        return jdbc.sql(LATEST).query((rs, n) -> new Published(rs.getString("file_path"), rs.getString("document"),
                rs.getTimestamp("released_at").toInstant())).list();
    }

    private static String relative(String path) {
        return path.substring("white/".length());
    }
}
