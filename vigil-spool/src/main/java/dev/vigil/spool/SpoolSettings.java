package dev.vigil.spool;

/**
 * How a {@link FileSpool} sizes its files and where it pushes back.
 *
 * @param segmentBytes       size at which the spool starts a new segment file; one append's events never span two
 *                           segments, so a segment can exceed this by up to one append
 * @param highWaterMarkBytes unprocessed bytes above which appends are refused with {@link SpoolFullException}
 * @param maxEventBytes      the largest payload one event may have
 */
public record SpoolSettings(long segmentBytes, long highWaterMarkBytes, long maxEventBytes) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final long DEFAULT_HIGH_WATER_MARK_BYTES = 1L << 30;
    public static final long DEFAULT_MAX_EVENT_BYTES = 1L << 20;

    static final long MIN_SEGMENT_BYTES = 4L << 10;
    static final long MAX_SEGMENT_BYTES = 1L << 30;
    static final long MAX_EVENT_BYTES_LIMIT = 256L << 20;

    public SpoolSettings {
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException("spool segmentBytes must be between " + MIN_SEGMENT_BYTES + " and "
                    + MAX_SEGMENT_BYTES + " bytes, was " + segmentBytes);
        }
        if (highWaterMarkBytes < 1) {
            throw new IllegalArgumentException("spool highWaterMarkBytes must be positive, was " + highWaterMarkBytes);
        }
        if (maxEventBytes < 1 || maxEventBytes > MAX_EVENT_BYTES_LIMIT) {
            throw new IllegalArgumentException("spool maxEventBytes must be between 1 and " + MAX_EVENT_BYTES_LIMIT
                    + " bytes, was " + maxEventBytes);
        }
    }

    /** 64 MiB segments, a 1 GiB high-water mark and events of up to 1 MiB. */
    public static SpoolSettings defaults() {
        return new SpoolSettings(DEFAULT_SEGMENT_BYTES, DEFAULT_HIGH_WATER_MARK_BYTES, DEFAULT_MAX_EVENT_BYTES);
    }
}
