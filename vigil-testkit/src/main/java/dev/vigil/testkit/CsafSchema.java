package dev.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The official CSAF 2.0 JSON schema (and the provider metadata schema), read in place from the corpus ({@code csaf-2.0/json_schema}), with FIRST's CVSS
 * schemas it references resolved to the corpus copies instead of the network. Skips the calling test when the
 * corpus folder is missing.
 */
public final class CsafSchema {

    private static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";

    private static final String PROVIDER_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/provider_json_schema.json";

    private final Schema schema;
    private final Schema provider;

    private CsafSchema(Schema schema, Schema provider) {
        this.schema = schema;
        this.provider = provider;
    }

    /** Loads the schema; skips the current test (visibly) when the corpus is absent. */
    public static CsafSchema load() {
        Path folder = Corpus.require("csaf-2.0").resolve("json_schema");
        Map<String, String> schemas = new HashMap<>();
        schemas.put(CSAF_ID, read(folder.resolve("csaf_json_schema.json")));
        schemas.put(PROVIDER_ID, read(folder.resolve("provider_json_schema.json")));
        for (String cvss : List.of("cvss-v2.0.json", "cvss-v3.0.json", "cvss-v3.1.json")) {
            schemas.put("https://www.first.org/cvss/" + cvss, read(folder.resolve("referenced/first").resolve(cvss)));
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(schemas));
        return new CsafSchema(registry.getSchema(SchemaLocation.of(CSAF_ID)), registry.getSchema(SchemaLocation.of(PROVIDER_ID)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema errors of the document (JSON text), each with its location; empty when the document is valid. */
    public List<String> errors(String json) {
        List<Error> errors = schema.validate(json, com.networknt.schema.InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** The errors of a provider-metadata.json against the CSAF provider schema; empty when it is valid. */
    public List<String> providerMetadataErrors(String json) {
        return provider.validate(json, com.networknt.schema.InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
