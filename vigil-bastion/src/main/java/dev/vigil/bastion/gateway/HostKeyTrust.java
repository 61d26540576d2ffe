package dev.vigil.bastion.gateway;

import java.security.PublicKey;

/** Port: is this the host key pinned for the target? Unknown keys are kept for an admin to confirm (trust on first use). */
public interface HostKeyTrust {

    enum Verdict { TRUSTED, UNCONFIRMED, CHANGED }

    Verdict verify(UpstreamTarget target, PublicKey presented);
}
