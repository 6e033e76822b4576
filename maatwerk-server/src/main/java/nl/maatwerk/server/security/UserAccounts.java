package nl.maatwerk.server.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Local accounts: create, list, enable or disable. Passwords are kept only as {@link PasswordEncoder} hashes. */
@Service
public class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern NAME = Pattern.compile("[a-z0-9._@-]{2,64}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountStore store;
    private final PasswordEncoder encoder;

    UserAccounts(UserAccountStore store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
    }

    /** Lower-cased; {@code null} when it is not 2–64 of {@code a-z 0-9 . _ @ -}. */
    public static String normalName(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(lower).matches() ? lower : null;
    }

    /** Creates the account; false when the name is taken. */
    public boolean create(String name, String password, Set<Role> roles) {
        return store.insert(checkedName(name), encoder.encode(checkedPassword(password)), checkedRoles(roles));
    }

    /** Creates the account, or gives an existing one this password and these roles, enabled and unlocked. */
    public void createOrReset(String name, String password, Set<Role> roles) {
        store.upsert(checkedName(name), encoder.encode(checkedPassword(password)), checkedRoles(roles));
    }

    /** Enabling also unlocks. False when there is no such account. */
    public boolean setEnabled(String name, boolean enabled) {
        return store.setEnabled(name, enabled);
    }

    public Optional<UserAccount> find(String name) {
        return store.find(name).map(UserAccountStore.Stored::account);
    }

    public List<UserAccount> all() {
        return store.all();
    }

    public long count() {
        return store.count();
    }

    /** A random password of 16 characters from an alphabet without look-alikes (about 93 bits). */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String checkedName(String name) {
        String normal = normalName(name);
        if (normal == null) {
            throw new IllegalArgumentException("a user name is 2 to 64 of a-z 0-9 . _ @ -");
        }
        return normal;
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    private static Set<Role> checkedRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        return roles;
    }
}
