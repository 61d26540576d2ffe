package dev.vigil.bastion.gateway;

/** The upstream leg could not be opened; the message is fit to show the operator (no secrets, no stack). */
final class UpstreamRefusedException extends Exception {

    UpstreamRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
