package dev.vigil.server.platform.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** {@code vigil.log.format=json} switches console logging to structured JSON (Elastic Common Schema). */
class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("vigil.log.format", "text");
        if (format.equalsIgnoreCase("json")) {
            environment.getPropertySources().addFirst(new MapPropertySource("vigil-log-format",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
