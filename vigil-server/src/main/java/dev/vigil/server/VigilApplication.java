package dev.vigil.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Vigil server: a modular monolith whose direct sub-packages are its features (verified by ModularityTest). */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
@EnableScheduling
public class VigilApplication {

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication application = new SpringApplication(VigilApplication.class);
        application.setRegisterShutdownHook(true);
        return application.run(args);
    }
}
