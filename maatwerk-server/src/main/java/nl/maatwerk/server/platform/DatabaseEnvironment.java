package nl.maatwerk.server.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects: {@code MAATWERK_DB_URL} (with {@code _USER} and
 * {@code _PASSWORD}) or {@code spring.datasource.url} when given, otherwise a private embedded
 * PostgreSQL under {@code maatwerk.data-dir}/pg.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String url = env.getProperty("MAATWERK_DB_URL");
        if (url != null && !url.isBlank()) {
            props.put("spring.datasource.url", url);
            putIfPresent(env, props, "MAATWERK_DB_USER", "spring.datasource.username");
            putIfPresent(env, props, "MAATWERK_DB_PASSWORD", "spring.datasource.password");
        } else if (env.getProperty("spring.datasource.url") == null) {
            Path dataDir = Path.of(env.getProperty("maatwerk.data-dir", "./data"));
            EmbeddedDatabase db = EmbeddedDatabase.startIn(dataDir.resolve("pg"));
            props.put("spring.datasource.url", db.jdbcUrl());
            props.put("spring.datasource.username", db.user());
            props.put("spring.datasource.password", "");
            props.put("maatwerk.database.embedded", "true");
        }
        env.getPropertySources().addFirst(new MapPropertySource("maatwerkDatabase", props));
    }

    private static void putIfPresent(ConfigurableEnvironment env, Map<String, Object> props, String from, String to) {
        String value = env.getProperty(from);
        if (value != null) {
            props.put(to, value);
        }
    }
}
