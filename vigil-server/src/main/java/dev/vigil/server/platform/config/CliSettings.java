package dev.vigil.server.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The server's settings as commands that run without the server see them (backup, restore, audit export): the same
 * keys from the same sources with the same precedence — flags, then environment, then the YAML file.
 */
public final class CliSettings {

    private CliSettings() {
    }

    public static VigilProperties load(Path configFlag, Map<String, Object> flags) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("flags", flags));
        sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new java.util.HashMap<>(System.getenv())));
        ConfigFile.resolve(configFlag).ifPresent(file -> {
            try {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load("config", new FileSystemResource(file))) {
                    sources.addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read configuration file " + file, e);
            }
        });
        List<ConfigurationPropertySource> attached = new ArrayList<>();
        ConfigurationPropertySources.from(sources).forEach(attached::add);
        return new Binder(attached).bindOrCreate("vigil", VigilProperties.class);
    }
}
