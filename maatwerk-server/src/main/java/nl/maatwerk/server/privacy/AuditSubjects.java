package nl.maatwerk.server.privacy;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.maatwerk.core.bsn.Bsn;

/**
 * What an audit entry may say about whom: citizen ids are replaced by their pseudonyms, also inside the request path
 * ({@code /api/v1/citizens/{id}}), and a BSN in a path is masked. Erasing a citizen deletes their pseudonym, so
 * their entries stay in the hash chain without pointing at anyone.
 */
final class AuditSubjects {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    private AuditSubjects() {
    }

    static String pseudonymise(String path, List<UUID> citizens, List<UUID> pseudonyms) {
        if (path == null) {
            return null;
        }
        String out = path;
        for (int i = 0; i < citizens.size(); i++) {
            out = out.replace(citizens.get(i).toString(), pseudonyms.get(i).toString());
        }
        Matcher m = NINE_DIGITS.matcher(out);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, Bsn.isValid(m.group()) ? "*********" : m.group());
        }
        m.appendTail(masked);
        return masked.toString();
    }
}
