package dev.vigil.server.audit;

/**
 * Who did something: a user, an API token (and its owner), a system job or a bastion session.
 *
 * @param kind        user, api-token, system-job, bastion-session or anonymous
 * @param id          stable id of the actor (user id, token id, job name, session id)
 * @param name        display name at the time (username, "token-name (owner)", job name)
 * @param address     source address (client IP), empty for jobs
 */
public record Actor(String kind, String id, String name, String address) {

    public static Actor systemJob(String job) {
        return new Actor("system-job", job, job, "");
    }

    public static Actor anonymous(String address) {
        return new Actor("anonymous", "", "anonymous", address == null ? "" : address);
    }

    public Actor withAddress(String newAddress) {
        return new Actor(kind, id, name, newAddress == null ? "" : newAddress);
    }
}
