package dev.vigil.syslog;

/** What went wrong with one frame of a syslog stream; the decoder still delivers what it could of the frame. */
public enum FramingError {

    /** The frame was longer than the message limit: its first bytes up to the limit were kept, the rest skipped. */
    OVERSIZED_FRAME,

    /** The frame started with digits that were no valid octet count: it was read as a newline-terminated frame. */
    INVALID_OCTET_COUNT,

    /** The stream ended inside an octet-counted frame: the bytes that had arrived were kept. */
    INCOMPLETE_FRAME
}
