package dev.vigil.bastion.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One SFTP packet (draft-ietf-secsh-filexfer-02, version 3, as OpenSSH speaks it): {@code uint32 length, byte type,
 * payload}. Reading checks the length against a cap, so a peer cannot make the gateway buffer without bound.
 */
final class SftpPacket {

    static final int INIT = 1;
    static final int VERSION = 2;
    static final int OPEN = 3;
    static final int CLOSE = 4;
    static final int READ = 5;
    static final int WRITE = 6;
    static final int REMOVE = 13;
    static final int MKDIR = 14;
    static final int RMDIR = 15;
    static final int RENAME = 18;
    static final int SYMLINK = 20;
    static final int STATUS = 101;
    static final int HANDLE = 102;
    static final int DATA = 103;
    static final int EXTENDED = 200;

    static final int OPEN_WRITE = 0x02;
    static final int STATUS_OK = 0;
    static final int STATUS_EOF = 1;
    /** OpenSSH's sftp-server refuses packets above 256 KiB; a little room for the header. */
    static final int MAX_LENGTH = 256 * 1024 + 1024;

    private final byte[] frame;

    private SftpPacket(byte[] frame) {
        this.frame = frame;
    }

    /** The next packet, or null at a clean end of stream. */
    static SftpPacket read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length == 0) {
            return null;
        }
        if (header.length < 4) {
            throw new EOFException("the SFTP stream ended inside a packet header");
        }
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 1 || length > MAX_LENGTH) {
            throw new SftpProtocolException("an SFTP packet of " + Integer.toUnsignedString(length) + " bytes (limit " + MAX_LENGTH + ")");
        }
        byte[] frame = new byte[4 + length];
        System.arraycopy(header, 0, frame, 0, 4);
        if (in.readNBytes(frame, 4, length) < length) {
            throw new EOFException("the SFTP stream ended inside a packet");
        }
        return new SftpPacket(frame);
    }

    /** The whole packet as it travels (length prefix included). */
    byte[] frame() {
        return frame;
    }

    int type() {
        return frame[4] & 0xff;
    }

    /** A reader over the payload after the type byte. */
    Reader payload() {
        return new Reader(ByteBuffer.wrap(frame, 5, frame.length - 5));
    }

    /** Rewrites the client's INIT version to at most 3, the version this parser reads (the server answers the lower one). */
    void capInitVersion() {
        if (type() == INIT && frame.length >= 9 && ByteBuffer.wrap(frame).getInt(5) > 3) {
            ByteBuffer.wrap(frame).putInt(5, 3);
        }
    }

    /** Sequential reads of SFTP data types; a malformed packet is an {@link SftpProtocolException}. */
    static final class Reader {
        private final ByteBuffer buffer;

        Reader(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        int uint32() {
            try {
                return buffer.getInt();
            } catch (BufferUnderflowException e) {
                throw new SftpProtocolException("a truncated SFTP packet");
            }
        }

        long uint64() {
            try {
                return buffer.getLong();
            } catch (BufferUnderflowException e) {
                throw new SftpProtocolException("a truncated SFTP packet");
            }
        }

        /** A string field as raw bytes. */
        byte[] bytes() {
            int length = uint32();
            if (length < 0 || length > buffer.remaining()) {
                throw new SftpProtocolException("an SFTP string longer than its packet");
            }
            byte[] value = new byte[length];
            buffer.get(value);
            return value;
        }

        /** A string field as UTF-8 text (paths, names). */
        String text() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        /** The next string's start in the packet's frame and its length, without copying (WRITE and DATA payloads). */
        int[] slice() {
            int length = uint32();
            if (length < 0 || length > buffer.remaining()) {
                throw new SftpProtocolException("an SFTP string longer than its packet");
            }
            int start = buffer.position();
            buffer.position(buffer.position() + length);
            return new int[] {start, length};
        }
    }
}
