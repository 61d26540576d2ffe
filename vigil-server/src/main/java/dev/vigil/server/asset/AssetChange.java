package dev.vigil.server.asset;

import java.util.List;

/**
 * What a caller sets on an asset. On update, a null field keeps its value; lists given replace the old ones.
 *
 * @param tenant tenant slug; fixed once the asset exists
 */
public record AssetChange(String tenant, String name, String kind, String owner, String environment, Integer criticality,
        Boolean internetExposed, String dataSensitivity, List<String> tags, String description, List<String> hostnames,
        List<String> addresses) {
}
