package dev.vigil.bastion.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The channels open through the gateway now, so that they can be listed and cut off. */
final class LiveSessions {

    interface Live {
        Operator operator();

        UpstreamTarget target();

        /** The channel as it was authorised (with the target it resolved to), to authorise again. */
        ChannelRequest request();

        void terminate(String reason);

        /** What the session's terminal shows, as it is recorded; empty for a channel without a recording (a forward). */
        java.util.Optional<dev.vigil.bastion.recording.LiveTail> tail();
    }

    private final Map<String, Live> byId = new ConcurrentHashMap<>();

    void add(String sessionId, Live live) {
        byId.put(sessionId, live);
    }

    void remove(String sessionId) {
        byId.remove(sessionId);
    }

    boolean terminate(String sessionId, String reason) {
        Live live = byId.get(sessionId);
        if (live == null) {
            return false;
        }
        live.terminate(reason);
        return true;
    }

    java.util.Optional<Live> get(String sessionId) {
        return java.util.Optional.ofNullable(byId.get(sessionId));
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    Map<String, Live> snapshot() {
        return Map.copyOf(byId);
    }
}
