package dev.vigil.server.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies the vigil.http.* and session settings to the embedded web server. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> vigilHttp(VigilProperties properties) {
        return factory -> {
            factory.setPort(properties.http().port());
            try {
                factory.setAddress(InetAddress.getByName(properties.http().address()));
            } catch (UnknownHostException e) {
                throw new InvalidSettingException("vigil.http.address", "'" + properties.http().address() + "' is not an address of this host");
            }
            var session = factory.getSettings().getSession();
            session.setTimeout(properties.security().sessionIdleTimeout());
            session.getCookie().setSecure(properties.http().secureCookies());
        };
    }
}
