package dev.vigil.bastion.gateway;

/** A vaulted secret for logging in to a target; it lives only in the gateway's client session. */
public sealed interface UpstreamCredential {

    record Password(String password) implements UpstreamCredential {
        @Override
        public String toString() {
            return "Password[***]";
        }
    }

    /** A private key in OpenSSH or PEM text form, with its passphrase if it has one. */
    record PrivateKey(String keyText, String passphrase) implements UpstreamCredential {
        @Override
        public String toString() {
            return "PrivateKey[***]";
        }
    }
}
