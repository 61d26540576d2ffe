package dev.vigil.detect.baseline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A streaming detector that learns per-entity behaviour. Events should come roughly in time order; not thread-safe (one
 * instance per stream). {@link BaselineSnapshots} frames the state written here with a magic number and a version.
 */
public interface BaselineDetector {

    /** The configured name, carried by every finding. */
    String name();

    /** Learns from the event and returns the findings it raises (usually none). */
    List<Finding> observe(BaselineEvent event);

    /** Entities currently remembered (never above the configured maximum). */
    int entityCount();

    /** A short identifier of the algorithm, checked when state is restored. */
    String kind();

    /** Writes the learned state (not the configuration). */
    void writeState(DataOutputStream out) throws IOException;

    /** Replaces the learned state with one written by {@link #writeState} of the same kind. */
    void readState(DataInputStream in) throws IOException;
}
