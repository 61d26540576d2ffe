package dev.vigil.server.ingest;

import java.util.List;

/** What a caller sends to create or change an input; null fields keep their value on update. */
public record InputChange(String name, String type, String format, String tenant, String asset, List<String> sources,
        String description, Boolean enabled) {
}
