package dev.vigil.server.vuln.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;

/** Asset names for one query's rows, each asset looked up once through the asset API. */
public final class AssetNames implements Function<UUID, String> {

    private final AssetRegistry registry;
    private final Map<UUID, String> names = new HashMap<>();

    public AssetNames(AssetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String apply(UUID id) {
        return names.computeIfAbsent(id, key -> registry.describe(key).map(AssetView::name).orElse(key.toString()));
    }
}
