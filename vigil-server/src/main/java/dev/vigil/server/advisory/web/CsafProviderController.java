package dev.vigil.server.advisory.web;

import dev.vigil.server.advisory.CsafProvider;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The CSAF provider layout under /.well-known/csaf/ (public: TLP:WHITE releases only). */
@RestController
class CsafProviderController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final CsafProvider provider;

    CsafProviderController(CsafProvider provider) {
        this.provider = provider;
    }

    @GetMapping("/.well-known/csaf/provider-metadata.json")
    ObjectNode metadata() {
        return provider.providerMetadata();
    }

    @GetMapping("/.well-known/csaf/white/index.txt")
    ResponseEntity<String> index() {
        return ResponseEntity.ok().contentType(TEXT).body(provider.index());
    }

    @GetMapping("/.well-known/csaf/white/changes.csv")
    ResponseEntity<String> changes() {
        return ResponseEntity.ok().contentType(CSV).body(provider.changes());
    }

    @GetMapping("/.well-known/csaf/white/{year}/{file}")
    ResponseEntity<String> document(@PathVariable String year, @PathVariable String file) {
        if (file.endsWith(".json.sha256")) {
            String json = file.substring(0, file.length() - ".sha256".length());
            return provider.sha256(year, json).map(text -> ResponseEntity.ok().contentType(TEXT).body(text))
                    .orElseThrow(() -> ProblemException.notFound("advisory", year + "/" + json));
        }
        return provider.document(year, file).map(json -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
                .orElseThrow(() -> ProblemException.notFound("advisory", year + "/" + file));
    }
}
