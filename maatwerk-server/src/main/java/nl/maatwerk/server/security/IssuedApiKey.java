package nl.maatwerk.server.security;

/** A key just made: {@code secret} is shown once and then only its hash is kept. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id() + "]";
    }
}
