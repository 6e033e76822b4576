package nl.maatwerk.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * API keys: {@code mwk_} followed by 256 random bits (base64url). Only the SHA-256 of a key is stored; a slow hash
 * adds nothing for a random key of that length. Lookups are cached for a few seconds and last use is written at most
 * once a minute per key, so a request costs no database write.
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "mwk_";
    public static final String BOOTSTRAP_ID = "bootstrap";
    static final int MIN_BOOTSTRAP_LENGTH = 24;
    private static final Duration CACHE = Duration.ofSeconds(10);
    private static final Duration LAST_USE_GRAIN = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(ApiKey key, Instant loadedAt) {
    }

    private final ApiKeyStore store;
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyStore store) {
        this.store = store;
    }

    /** A new key; {@code expiresAt} may be null (no expiry). */
    public IssuedApiKey issue(String owner, Set<Role> roles, Instant expiresAt) {
        if (owner == null || owner.isBlank() || owner.length() > 100) {
            throw new IllegalArgumentException("an API key needs an owner of at most 100 characters");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one role");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] idBytes = new byte[5];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        store.insert(id, hash(secret), owner.strip(), roles, expiresAt);
        return new IssuedApiKey(store.byId(id).orElseThrow(), secret);
    }

    /** Creates or refreshes the administrator key {@value #BOOTSTRAP_ID} with this secret (from the environment). */
    public void bootstrap(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() < MIN_BOOTSTRAP_LENGTH) {
            throw new IllegalArgumentException("the bootstrap API key must start with " + PREFIX + " and have at least "
                    + MIN_BOOTSTRAP_LENGTH + " characters");
        }
        store.upsert(BOOTSTRAP_ID, hash(secret), "bootstrap", Set.of(Role.BEHEER));
        byHash.clear();
    }

    /** The usable key with this secret, if any. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String hash = hash(secret);
        Cached cached = byHash.get(hash);
        ApiKey key;
        if (cached != null && cached.loadedAt().plus(CACHE).isAfter(now)) {
            key = cached.key();
        } else {
            key = store.byHash(hash).orElse(null);
            if (key != null) {
                byHash.put(hash, new Cached(key, now));
            }
        }
        if (key == null || !key.usableAt(now)) {
            return Optional.empty();
        }
        Instant written = lastWritten.get(key.id());
        if (written == null || written.plus(LAST_USE_GRAIN).isBefore(now)) {
            lastWritten.put(key.id(), now);
            store.used(key.id(), now);
        }
        return Optional.of(key);
    }

    public boolean revoke(String id) {
        boolean revoked = store.revoke(id);
        byHash.clear();
        return revoked;
    }

    public Optional<ApiKey> find(String id) {
        return store.byId(id);
    }

    public List<ApiKey> all() {
        return store.all();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
