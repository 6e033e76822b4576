package nl.maatwerk.server.security;

import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The login form against {@code user_account}: Spring's {@link DaoAuthenticationProvider} checks the password
 * (in constant time, also for unknown names), and this counts failures in a row: after
 * {@link SecuritySettings#maxFailedLogins()} the account is locked for {@link SecuritySettings#lockout()}, and a locked
 * account is refused before its password is even looked at.
 */
final class LocalLogin implements AuthenticationProvider {

    private final UserAccountStore store;
    private final SecuritySettings settings;
    private final DaoAuthenticationProvider passwords;

    LocalLogin(UserAccountStore store, SecuritySettings settings, PasswordEncoder encoder) {
        this.store = store;
        this.settings = settings;
        this.passwords = new DaoAuthenticationProvider(this::user);
        this.passwords.setPasswordEncoder(encoder);
    }

    private UserDetails user(String name) {
        String normal = UserAccounts.normalName(name);
        UserAccountStore.Stored stored = normal == null ? null : store.find(normal).orElse(null);
        if (stored == null) {
            throw new UsernameNotFoundException("no such user");
        }
        UserAccount account = stored.account();
        return User.withUsername(account.name()).password(stored.passwordHash())
                .authorities(account.roles().stream().map(Role::authority).toArray(String[]::new))
                .disabled(!account.enabled()).accountLocked(account.lockedAt(Instant.now())).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String normal = UserAccounts.normalName(authentication.getName());
        try {
            Authentication result = passwords.authenticate(authentication);
            store.loginSucceeded(result.getName());
            return result;
        } catch (BadCredentialsException e) {
            if (normal != null) {
                store.loginFailed(normal, settings.maxFailedLogins(), settings.lockout());
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
