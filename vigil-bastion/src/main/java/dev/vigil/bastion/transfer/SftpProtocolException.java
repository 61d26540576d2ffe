package dev.vigil.bastion.transfer;

/** An SFTP stream the gateway cannot parse; the channel is closed rather than relayed unaudited. */
public final class SftpProtocolException extends RuntimeException {

    public SftpProtocolException(String message) {
        super(message);
    }
}
