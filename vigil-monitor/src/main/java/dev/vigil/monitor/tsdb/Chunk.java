package dev.vigil.monitor.tsdb;

/** An encoded chunk ({@link XorChunk}) of one series with the times of its first and last sample. Immutable. */
record Chunk(long minTime, long maxTime, byte[] data) {

    static Chunk of(SampleArrays samples) {
        return new Chunk(samples.first(), samples.last(), XorChunk.encode(samples, 0, samples.size));
    }

    boolean overlaps(long from, long to) {
        return maxTime >= from && minTime <= to;
    }

    /** Appends the chunk's samples within [from, to] to {@code into}. */
    void decodeInto(long from, long to, SampleArrays into) {
        if (minTime >= from && maxTime <= to) {
            XorChunk.decode(data, into);
            return;
        }
        SampleArrays all = new SampleArrays(XorChunk.count(data));
        XorChunk.decode(data, all);
        for (int i = 0; i < all.size; i++) {
            if (all.times[i] >= from && all.times[i] <= to) {
                into.add(all.times[i], all.values[i], all.stale[i]);
            }
        }
    }
}
