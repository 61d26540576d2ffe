package dev.vigil.server.audit.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address of the request being served on this thread, or empty outside a request. */
final class RequestAddress {

    private RequestAddress() {
    }

    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "";
    }
}
