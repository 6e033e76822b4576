package nl.maatwerk.server.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.privacy.Purpose;
import nl.maatwerk.server.privacy.PurposeRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a legal duty keeps from erasure: cases held for a purpose whose legal basis is a legal obligation (Wmo,
 * Participatiewet: {@code social_support}), while the case is open and for the purpose's retention period after it
 * was closed. Each hold names the case, the purpose, the law and until when; a held citizen is not erased at all
 * (a partial erasure would leave a case without the person it is about).
 */
@Component
class LegalHolds {

    /** The purpose each case type is handled for; the register says whether that purpose rests on a legal duty. */
    private static final Map<String, String> CASE_PURPOSE = Map.of("social_support", "social_support",
            "social_assistance", "social_support");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final JdbcTemplate jdbc;
    private final PurposeRegister purposes;

    LegalHolds(JdbcTemplate jdbc, PurposeRegister purposes) {
        this.jdbc = jdbc;
        this.purposes = purposes;
    }

    /** Why the citizen cannot be erased now; empty when nothing holds their data. */
    List<String> of(UUID citizenId, Instant now) {
        List<String> reasons = new ArrayList<>();
        jdbc.query("select id, type, closed_at from municipal_case where citizen_id = ? order by submitted_at", rs -> {
            String purposeKey = CASE_PURPOSE.get(rs.getString("type"));
            Purpose purpose = purposeKey == null ? null : purposes.find(purposeKey).orElse(null);
            if (purpose == null || !purpose.legalBasis().equals("legal_obligation")) {
                return;
            }
            var closed = rs.getObject("closed_at", java.time.OffsetDateTime.class);
            String what = "case " + rs.getString("id") + " (" + rs.getString("type") + ") is kept for purpose "
                    + purpose.key() + " under a legal obligation";
            if (closed == null) {
                reasons.add(what + " while it is open, and " + purpose.retention() + " after it is closed");
                return;
            }
            LocalDate until = closed.atZoneSameInstant(AMSTERDAM).toLocalDate().plus(Period.parse(purpose.retention()));
            if (until.isAfter(now.atZone(AMSTERDAM).toLocalDate())) {
                reasons.add(what + " until " + until + " (" + purpose.retention() + " after it was closed)");
            }
        }, citizenId);
        return reasons;
    }
}
