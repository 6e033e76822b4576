package nl.maatwerk.server.privacy;

import java.util.List;

/** One processing purpose from the register (GDPR Art. 30), with its legal basis and retention. */
public record Purpose(String key, String nameNl, String nameEn, String description, String legalBasis,
        List<String> dataCategories, String retention, List<String> recipients) {
}
