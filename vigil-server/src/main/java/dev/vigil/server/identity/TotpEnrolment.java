package dev.vigil.server.identity;

/** A started TOTP enrolment: the secret (base32) and the otpauth URI to show as a QR code. */
public record TotpEnrolment(String secret, String otpauthUri) {
}
