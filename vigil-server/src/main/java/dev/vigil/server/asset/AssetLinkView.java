package dev.vigil.server.asset;

import java.util.UUID;

/** The downstream asset depends on the upstream one (a service on its database, a host on its switch). */
public record AssetLinkView(UUID upstreamId, String upstreamName, UUID downstreamId, String downstreamName, String relation) {
}
