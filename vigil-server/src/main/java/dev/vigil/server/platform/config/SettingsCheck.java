package dev.vigil.server.platform.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Checks that span several keys, which bean validation of single values cannot express. */
@Component
class SettingsCheck implements InitializingBean {

    private final VigilProperties properties;

    SettingsCheck(VigilProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        VigilProperties.Security security = properties.security();
        if (security.sessionIdleTimeout().isNegative() || security.sessionIdleTimeout().isZero()) {
            throw new InvalidSettingException("vigil.security.session-idle-timeout", "must be positive");
        }
        if (security.sessionAbsoluteTimeout().compareTo(security.sessionIdleTimeout()) < 0) {
            throw new InvalidSettingException("vigil.security.session-absolute-timeout",
                    "must not be shorter than vigil.security.session-idle-timeout");
        }
        if (security.lockoutBase().isNegative() || security.lockoutMax().compareTo(security.lockoutBase()) < 0) {
            throw new InvalidSettingException("vigil.security.lockout-max", "must be at least vigil.security.lockout-base");
        }
        if (properties.resolvedDataDir().toFile().exists() && !properties.resolvedDataDir().toFile().isDirectory()) {
            throw new InvalidSettingException("vigil.data-dir", properties.resolvedDataDir() + " exists and is not a folder");
        }
    }
}
