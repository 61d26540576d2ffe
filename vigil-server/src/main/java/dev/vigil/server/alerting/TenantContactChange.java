package dev.vigil.server.alerting;

import java.util.List;

/** A new or changed tenant contact; null fields keep what the contact had. Topics: see {@link TenantNotices#TOPICS}. */
public record TenantContactChange(String name, List<String> topics, ChannelConfig channel, Boolean enabled) {
}
