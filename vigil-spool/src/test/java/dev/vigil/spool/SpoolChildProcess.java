package dev.vigil.spool;

import dev.vigil.events.RawEvent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs in a child JVM started by the tests.
 * <ul>
 *   <li>{@code append <dir> <round> <threads>}: appends from several threads forever and prints
 *   {@code ack <round> <thread> <index> <lastSequence> end} after each append returned, until killed;</li>
 *   <li>{@code hold <dir>}: opens the spool, prints {@code open} and keeps it open until its input ends.</li>
 * </ul>
 */
public final class SpoolChildProcess {

    static final SpoolSettings SETTINGS = new SpoolSettings(64 << 10, 1L << 30, 1 << 20);

    private SpoolChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        FileSpool spool = FileSpool.open(Path.of(args[1]), SETTINGS);
        if (args[0].equals("hold")) {
            System.out.println("open");
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            spool.close();
            return;
        }
        int round = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        PrintStream out = System.out;
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> {
                for (int index = 0; ; index++) {
                    long last = spool.append(batch(round, thread, index));
                    synchronized (out) {
                        out.println("ack " + round + " " + thread + " " + index + " " + last + " end");
                        out.flush();
                    }
                }
            });
        }
    }

    /** The events of one append, the same in the child and in the test that checks them. */
    static List<RawEvent> batch(int round, int thread, int index) {
        return TestEvents.batch("r" + round + "t" + thread + "i" + index, 1 + (thread * 31 + index * 17) % 12,
                (index * 37) % 900);
    }
}
