package dev.vigil.bastion.gateway;

/** Port: the vault. Asked once per upstream connection. */
public interface CredentialSource {

    UpstreamCredential credentialFor(UpstreamTarget target);
}
