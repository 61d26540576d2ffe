package dev.vigil.server.alerting.internal.notify;

import dev.vigil.server.alerting.ChannelConfig;

/** A way of telling someone about an alert. */
interface Channel {

    /** The channel types (see {@link ChannelConfig#TYPES}) this sender serves. */
    boolean serves(String type);

    SendResult send(NotificationMessage message, ChannelConfig config);
}
