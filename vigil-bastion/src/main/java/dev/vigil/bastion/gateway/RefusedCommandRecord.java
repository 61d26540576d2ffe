package dev.vigil.bastion.gateway;

import java.time.Instant;
import java.util.Map;

import dev.vigil.bastion.policy.CommandVerdict;
import dev.vigil.bastion.recording.SessionRecorder;

/**
 * Stores an exec command the command policy stopped before the target was contacted: a session with the command and its
 * decision, a recording holding only the refusal notice, and exit status {@value #STATUS}, as a shell's refusal does.
 */
final class RefusedCommandRecord {

    /** Exit status of a refused command (as a shell's for a command it may not run). */
    static final int STATUS = 126;

    private RefusedCommandRecord() {
    }

    /** Records it through the sink and answers the notice to show. */
    static String store(SessionSink sink, long maxRecordingBytes, SessionOpened opened, String command, CommandVerdict verdict) {
        return store(sink, maxRecordingBytes, opened, command, verdict, null);
    }

    /** As {@link #store(SessionSink, long, SessionOpened, String, CommandVerdict)}, for a command held for review and not allowed. */
    static String store(SessionSink sink, long maxRecordingBytes, SessionOpened opened, String command, CommandVerdict verdict,
            CommandReview review) {
        String notice = review == null ? CommandNotice.refusal(verdict) : CommandNotice.review(review);
        SessionRecorder recorder = new SessionRecorder(80, 24, opened.startedAt().getEpochSecond(), opened.operator().username() + " as "
                + opened.target().account() + "@" + opened.target().targetName(), Map.of("TERM", "dumb"), maxRecordingBytes, null);
        recorder.marker(notice);
        sink.opened(opened);
        sink.command(opened.sessionId(), review == null ? RecordedCommand.of(opened.startedAt(), 0, command, verdict)
                : RecordedCommand.reviewed(opened.startedAt(), 0, command, verdict, review));
        sink.closed(opened.sessionId(), new SessionClosed(Instant.now(), STATUS, null, "command policy: " + verdict.action().label()
                + (review == null ? "" : " " + review.outcome().label()), recorder.finish()));
        return notice;
    }
}
