package dev.vigil.bastion.gateway;

/** A Vigil user who authenticated at the gateway; {@code id} is the server's user id. */
public record Operator(String id, String username) {
}
