package dev.vigil.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a spool folder's segments back when the spool opens: recovers each segment file in order (see
 * {@link SegmentRecovery}), checks that each continues the one before and that no unprocessed events are missing,
 * and starts the first segment of a new spool.
 */
final class SpoolRecovery {

    /** The live segments, ascending; the channel of the last one, to write to; the bytes of a torn write cut off. */
    record Recovered(List<Segment> segments, FileChannel activeChannel, long truncatedBytes) {
    }

    private SpoolRecovery() {
    }

    static Recovered recover(SpoolDirectory directory, SegmentChannelFactory channels, long processedMark)
            throws IOException {
        List<Long> firstSequences = withoutProcessedLeftovers(directory, processedMark);
        if (firstSequences.isEmpty()) {
            return startFirstSegment(directory, channels, processedMark + 1);
        }
        List<Segment> segments = new ArrayList<>();
        long truncatedBytes = 0;
        FileChannel activeChannel = null;
        for (int i = 0; i < firstSequences.size(); i++) {
            boolean last = i == firstSequences.size() - 1;
            Path path = directory.segmentPath(firstSequences.get(i));
            FileChannel channel = last
                    ? channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : channels.open(path, StandardOpenOption.READ);
            try {
                SegmentRecovery.Recovered recovered =
                        SegmentRecovery.recover(channel, path, firstSequences.get(i), last);
                checkContinues(segments, recovered.segment());
                segments.add(recovered.segment());
                truncatedBytes += recovered.truncatedBytes();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (last) {
                activeChannel = channel;
            } else {
                channel.close();
            }
        }
        try {
            checkMark(segments, processedMark);
        } catch (RuntimeException e) {
            activeChannel.close();
            throw e;
        }
        return new Recovered(segments, activeChannel, truncatedBytes);
    }

    /**
     * The segment files to recover: a segment followed by one that starts at or before the first unprocessed event
     * holds processed events only, and is there because deleting it failed; it is deleted now, unread.
     */
    private static List<Long> withoutProcessedLeftovers(SpoolDirectory directory, long processedMark)
            throws IOException {
        List<Long> firstSequences = new ArrayList<>(directory.segmentFirstSequences());
        while (firstSequences.size() > 1 && firstSequences.get(1) <= processedMark + 1) {
            Files.deleteIfExists(directory.segmentPath(firstSequences.removeFirst()));
        }
        return firstSequences;
    }

    private static Recovered startFirstSegment(SpoolDirectory directory, SegmentChannelFactory channels,
                                               long firstSequence) throws IOException {
        Segment segment = Segment.empty(firstSequence, directory.segmentPath(firstSequence));
        FileChannel channel = channels.open(segment.path(), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            directory.sync();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new Recovered(List.of(segment), channel, 0);
    }

    private static void checkContinues(List<Segment> earlier, Segment segment) {
        if (earlier.isEmpty()) {
            return;
        }
        long previousLast = earlier.getLast().lastSequence();
        if (segment.firstSequence() != previousLast + 1) {
            throw new SpoolCorruptedException(segment.path(), 0, "it starts at sequence " + segment.firstSequence()
                    + " but the segment before ends at sequence " + previousLast
                    + ", so a segment file is missing or does not belong here");
        }
    }

    private static void checkMark(List<Segment> segments, long processedMark) {
        Segment first = segments.getFirst();
        Segment last = segments.getLast();
        if (processedMark > last.lastSequence()) {
            throw new SpoolCorruptedException(last.path(), last.end(), "the processed mark " + processedMark
                    + " is beyond the last spooled sequence " + last.lastSequence()
                    + ", so spooled events are missing");
        }
        if (first.firstSequence() > processedMark + 1) {
            throw new SpoolCorruptedException(first.path(), 0, "the first segment starts at sequence "
                    + first.firstSequence() + " but events after the processed mark " + processedMark
                    + " are not processed yet, so a segment file holding them is missing");
        }
    }
}
