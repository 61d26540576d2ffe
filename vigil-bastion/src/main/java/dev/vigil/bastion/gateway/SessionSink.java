package dev.vigil.bastion.gateway;

import dev.vigil.bastion.transfer.FileTransfer;

/** Port: where sessions, their commands and refusals go (storage, audit trail, event pipeline). */
public interface SessionSink {

    void opened(SessionOpened session);

    void command(String sessionId, RecordedCommand command);

    /** A file operation of an SFTP or SCP channel, once the target has answered it. */
    void transfer(String sessionId, FileTransfer transfer);

    void closed(String sessionId, SessionClosed outcome);

    /** A channel, connection or upstream step that was refused, with the reason the operator was shown. */
    void refused(ChannelRequest request, String reason);

    /** The target presented a host key other than the pinned one: the connection was refused; raise an alert. */
    void hostKeyChanged(UpstreamTarget target, String presentedFingerprint);
}
