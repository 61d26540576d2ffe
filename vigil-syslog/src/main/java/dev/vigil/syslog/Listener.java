package dev.vigil.syslog;

import java.time.Duration;

/** One transport's listener: already bound when constructed, receiving once started. */
interface Listener {

    /** Starts receiving; returns the bound port. */
    int start();

    /** Stops receiving and waits up to {@code grace} for the listener's threads to finish what they were doing. */
    void close(Duration grace);
}
