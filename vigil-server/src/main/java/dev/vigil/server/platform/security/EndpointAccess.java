package dev.vigil.server.platform.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * What an HTTP endpoint requires, declared by the feature that owns it. The identity feature turns every declaration
 * into a rule of the security filter chain, checked before the request body is read; a feature then narrows further
 * by tenant or object inside its service. An endpoint without a declaration is refused.
 *
 * @param method   HTTP method, or null for any
 * @param pattern  path pattern (Spring's PathPattern syntax)
 * @param access   who may call it
 */
public record EndpointAccess(HttpMethod method, String pattern, Access access) {

    /** The kinds of access an endpoint can require. */
    public sealed interface Access {
    }

    /** Anyone, signed in or not (login, health). */
    public record Anonymous() implements Access {
    }

    /** Any signed-in user or token. */
    public record Authenticated() implements Access {
    }

    /** A permission on a resource type, in at least one scope. */
    public record Permission(String resource, String action) implements Access {
    }

    public static EndpointAccess anonymous(HttpMethod method, String pattern) {
        return new EndpointAccess(method, pattern, new Anonymous());
    }

    public static EndpointAccess authenticated(HttpMethod method, String pattern) {
        return new EndpointAccess(method, pattern, new Authenticated());
    }

    public static EndpointAccess permission(HttpMethod method, String pattern, String resource, String action) {
        return new EndpointAccess(method, pattern, new Permission(resource, action));
    }

    /** A feature's declarations; every feature with endpoints publishes one bean of this type. */
    public interface Declarations {
        List<EndpointAccess> endpoints();
    }
}
