package dev.vigil.server.alerting;

import java.util.List;

/**
 * A new or changed receiver; null fields keep their value (or default: medium, all sources and tenants, enabled).
 * {@code escalationPolicy} names a policy each alert it takes starts (an empty text removes it).
 */
public record ReceiverChange(String name, String minSeverity, List<String> sources, List<String> tenants,
                             List<ChannelConfig> channels, Boolean enabled,
                             String escalationPolicy) {
}
