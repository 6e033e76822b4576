package nl.maatwerk.core.template;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ReadabilityCheck} found in a text: the findings in text order, the counts the score is made of, the
 * Flesch-Douma reading ease and the verdict.
 *
 * @param readingEase Flesch-Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word; higher is
 *                    easier, and it can fall outside 0–100. 100 for a text without words.
 */
public record ReadabilityReport(List<ReadabilityFinding> findings, int sentences, int words, int syllables,
        double readingEase, Verdict verdict) {

    public ReadabilityReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(verdict, "verdict");
        if (sentences < 0 || words < 0 || syllables < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The findings of one kind. */
    public List<ReadabilityFinding> findings(ReadabilityFinding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    public enum Verdict {
        /** Reading ease at or above the threshold (60 by default). */
        B1_OR_SIMPLER("B1 of eenvoudiger", "B1 or simpler"),
        /** Reading ease below the threshold. */
        HARDER_THAN_B1("moeilijker dan B1", "harder than B1");

        private final String dutch;
        private final String english;

        Verdict(String dutch, String english) {
            this.dutch = dutch;
            this.english = english;
        }

        public String dutch() {
            return dutch;
        }

        public String english() {
            return english;
        }
    }
}
