package nl.maatwerk.server.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maatwerk.security.*}: lock-out after failed logins, and how OpenID Connect claims map onto our roles.
 *
 * @param maxFailedLogins failed passwords in a row before an account is locked
 * @param lockout how long a locked account stays locked
 * @param oidcRolesClaim the ID token or user-info claim holding the user's roles or groups (a list or a string)
 * @param oidcRoleMapping the identity provider's value → our role key ({@code kcc}, …); values that already are one of
 *     our role keys need no mapping
 */
@ConfigurationProperties("maatwerk.security")
record SecuritySettings(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
        @DefaultValue("roles") String oidcRolesClaim, Map<String, String> oidcRoleMapping) {

    SecuritySettings {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maatwerk.security.max-failed-logins must be at least 1, was " + maxFailedLogins);
        }
        oidcRoleMapping = oidcRoleMapping == null ? Map.of() : Map.copyOf(oidcRoleMapping);
    }
}
