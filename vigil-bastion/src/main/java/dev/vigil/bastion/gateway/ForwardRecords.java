package dev.vigil.bastion.gateway;

import java.time.Instant;
import java.util.Map;

import dev.vigil.bastion.recording.SessionRecorder;

/** How a forwarding session (a forwarded connection, an agent channel, a remote listener) ends: bytes each way, in the record and as a marker of its recording. */
final class ForwardRecords {

    private ForwardRecords() {
    }

    static SessionClosed closed(GatewaySettings settings, Instant started, String title, String what, String terminatedBy, long bytesToTarget,
            long bytesFromTarget) {
        SessionRecorder recorder = new SessionRecorder(80, 24, started.getEpochSecond(), title, Map.of("TERM", "dumb"), settings.maxRecordingBytes(), null);
        recorder.marker(what + ": " + bytesToTarget + " bytes sent, " + bytesFromTarget + " bytes received");
        return new SessionClosed(Instant.now(), null, null, terminatedBy, recorder.finish(), bytesToTarget, bytesFromTarget);
    }
}
