package dev.vigil.server.advisory.internal;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** The URL this server is reached at (vigil.http.public-url, else its address and port once it listens). */
@Component
public class ServerUrl implements ApplicationListener<WebServerInitializedEvent> {

    private final VigilProperties.Http http;
    private volatile int port;

    ServerUrl(VigilProperties properties) {
        this.http = properties.http();
        this.port = properties.http().port();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent started) {
        port = started.getWebServer().getPort();
    }

    public String base() {
        return http.baseUrl(port);
    }
}
