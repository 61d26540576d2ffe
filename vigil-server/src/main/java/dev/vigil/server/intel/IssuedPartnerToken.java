package dev.vigil.server.intel;

/** A new partner and its token secret, shown this once. */
public record IssuedPartnerToken(TaxiiPartnerView partner, String secret) {
}
