package dev.vigil.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/** Opens segment files; tests pass one whose channels fail like a full disk. */
@FunctionalInterface
interface SegmentChannelFactory {

    SegmentChannelFactory FILE_SYSTEM = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
