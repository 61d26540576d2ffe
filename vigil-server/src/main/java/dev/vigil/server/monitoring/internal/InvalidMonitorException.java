package dev.vigil.server.monitoring.internal;

import dev.vigil.server.platform.web.ProblemException;

/** A monitor definition that cannot be accepted; reaches the client as 400 invalid-monitor. */
public final class InvalidMonitorException extends ProblemException {

    public InvalidMonitorException(String detail) {
        super(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-monitor", detail);
    }
}
