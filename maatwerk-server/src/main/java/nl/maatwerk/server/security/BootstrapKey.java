package nl.maatwerk.server.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code MAATWERK_BOOTSTRAP_API_KEY} (or {@code maatwerk.security.bootstrap-api-key}) creates or refreshes the one
 * administrator key {@value ApiKeys#BOOTSTRAP_ID} at every start, so scripts and a fresh installation can get in.
 */
@Component
class BootstrapKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);

    private final ApiKeys keys;
    private final String secret;

    BootstrapKey(ApiKeys keys,
            @Value("${maatwerk.security.bootstrap-api-key:${MAATWERK_BOOTSTRAP_API_KEY:}}") String secret) {
        this.keys = keys;
        this.secret = secret;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (secret != null && !secret.isBlank()) {
            keys.bootstrap(secret.strip());
            log.info("API key '{}' (role beheer) set from MAATWERK_BOOTSTRAP_API_KEY", ApiKeys.BOOTSTRAP_ID);
        }
    }
}
