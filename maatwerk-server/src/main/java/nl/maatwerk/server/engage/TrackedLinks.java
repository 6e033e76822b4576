package nl.maatwerk.server.engage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tracked links {@code /r/<occurrence id>-<step>-<secret>}: the secret is the occurrence's own ({@code link_secret},
 * V17), so a link needs no row of its own and is checked by the occurrence's primary key; it leads to the link of
 * that step in the journey's definition.
 */
@Component
class TrackedLinks {

    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})-(\\d{1,3})-([0-9a-f]{32})");

    private final JdbcTemplate jdbc;
    private final JourneyStore store;
    private final JourneyRunner runner;

    TrackedLinks(JdbcTemplate jdbc, JourneyStore store, JourneyRunner runner) {
        this.jdbc = jdbc;
        this.store = store;
        this.runner = runner;
    }

    /** A fresh occurrence secret, as the column's default makes them. */
    static String newSecret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String token(long occurrenceId, int step, String secret) {
        return occurrenceId + "-" + step + "-" + secret;
    }

    /** Where a token leads: the occurrence it belongs to and the step's link; empty for a token we did not give out. */
    record Target(long occurrenceId, String url) {
    }

    Optional<Target> resolve(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(1));
        int step = Integer.parseInt(m.group(2));
        return jdbc.query("select journey_key, link_secret from journey_occurrence where id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, id).stream().findFirst()
                .filter(row -> MessageDigest.isEqual(row[1].getBytes(StandardCharsets.US_ASCII),
                        m.group(3).getBytes(StandardCharsets.US_ASCII)))
                .flatMap(row -> store.find(row[0]))
                .map(runner::definition)
                .filter(d -> step < d.steps().size() && d.steps().get(step) instanceof JourneyDefinition.Send s
                        && s.link() != null)
                .map(d -> new Target(id, ((JourneyDefinition.Send) d.steps().get(step)).link()));
    }
}
