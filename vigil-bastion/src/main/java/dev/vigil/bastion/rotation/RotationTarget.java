package dev.vigil.bastion.rotation;

import java.security.PublicKey;
import java.util.Objects;

/** The target whose account password is rotated: its address and its pinned host key (rotation never trusts on first use). */
public record RotationTarget(String name, String host, int port, PublicKey hostKey) {

    public RotationTarget {
        Objects.requireNonNull(hostKey, "a rotation needs the target's pinned host key");
    }
}
