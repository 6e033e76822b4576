package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Dutch readability check for the template editor, aiming at language level B1 (what most Dutch adults read
 * with ease). It reports, with their positions: sentences over 20 words, words over 13 letters (except an
 * allow-list of common municipal words a reader knows), the passive voice, and officialese with a plain
 * alternative; and it scores the whole text with the Flesch-Douma reading ease. Rules and thresholds are in
 * {@code docs/templates.md}. Placeholder syntax is not read as text: {@code ((naam))} counts as one short word.
 *
 * <p>Immutable and thread-safe. {@code ReadabilityCheck.b1()} has the defaults; {@link #builder()} changes them.
 */
public final class ReadabilityCheck {

    /** Long words readers of municipal letters know well; not reported as long. */
    public static final Set<String> MUNICIPAL_WORDS = Set.of("burgerservicenummer", "identiteitskaart",
            "omgevingsvergunning", "parkeervergunning", "bestemmingsplan", "gemeentebelastingen", "afvalstoffenheffing",
            "verhuisaangifte", "geboorteaangifte", "zorgverzekering", "bijstandsuitkering", "kwijtschelding",
            "basisregistratie", "huishoudelijke", "inkomensondersteuning", "schuldhulpverlening", "woonplaatsheffing",
            "uittreksel", "gemeentehuis", "gemeentelijke", "verblijfsvergunning", "rijbewijskeuring",
            "ondersteuning", "belastingaanslag", "vergunningaanvraag", "klantcontactcentrum", "stadskantoor",
            "bewonersbrief", "ouderenadviseur", "energietoeslag", "mantelzorgcompliment");

    private final int maxSentenceWords;
    private final int maxWordLetters;
    private final double minimumReadingEase;
    private final Set<String> allowedLongWords;

    private ReadabilityCheck(Builder builder) {
        this.maxSentenceWords = builder.maxSentenceWords;
        this.maxWordLetters = builder.maxWordLetters;
        this.minimumReadingEase = builder.minimumReadingEase;
        this.allowedLongWords = Set.copyOf(builder.allowedLongWords);
    }

    /** The defaults: 20 words per sentence, 13 letters per word, reading ease 60, {@link #MUNICIPAL_WORDS}. */
    public static ReadabilityCheck b1() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Checks a template text (or any Dutch text; Markdown marks are ignored as punctuation). */
    public ReadabilityReport check(String text) {
        Objects.requireNonNull(text, "text");
        String masked = TemplateMask.mask(text);
        List<DutchSentences.Sentence> sentences = DutchSentences.split(masked);
        List<ReadabilityFinding> findings = new ArrayList<>();
        int words = 0;
        int syllables = 0;
        for (DutchSentences.Sentence sentence : sentences) {
            words += sentence.words().size();
            if (sentence.words().size() > maxSentenceWords) {
                findings.add(ReadabilityFinding.in(text, ReadabilityFinding.Kind.LONG_SENTENCE, sentence.start(),
                        sentence.end(), opening(text, sentence), String.valueOf(sentence.words().size()),
                        String.valueOf(maxSentenceWords)));
            }
            for (DutchSentences.Word word : sentence.words()) {
                syllables += word.isNumber() ? 1 : DutchSyllables.count(word.text());
                longWord(text, word, findings);
            }
            passive(text, masked, sentence, findings);
        }
        for (Jargon.Hit hit : Jargon.find(masked)) {
            findings.add(ReadabilityFinding.in(text, ReadabilityFinding.Kind.JARGON, hit.start(), hit.end(),
                    text.substring(hit.start(), hit.end()), hit.phrase(), hit.alternative()));
        }
        findings.sort(Comparator.comparingInt(ReadabilityFinding::start).thenComparing(ReadabilityFinding::kind));
        double ease = words == 0 ? 100.0
                : 206.835 - 0.93 * ((double) words / sentences.size()) - 77.0 * ((double) syllables / words);
        ReadabilityReport.Verdict verdict = ease >= minimumReadingEase
                ? ReadabilityReport.Verdict.B1_OR_SIMPLER : ReadabilityReport.Verdict.HARDER_THAN_B1;
        return new ReadabilityReport(findings, sentences.size(), words, syllables, ease, verdict);
    }

    private void longWord(String text, DutchSentences.Word word, List<ReadabilityFinding> findings) {
        if (word.isNumber() || allowedLongWords.contains(word.text().toLowerCase(Locale.ROOT))) {
            return;
        }
        int longestPart = 0;
        for (String part : word.text().split("['’-]")) {
            longestPart = Math.max(longestPart, (int) part.codePoints().filter(Character::isLetter).count());
        }
        if (longestPart > maxWordLetters) {
            findings.add(ReadabilityFinding.in(text, ReadabilityFinding.Kind.LONG_WORD, word.start(), word.end(),
                    word.text(), word.text(), String.valueOf(longestPart), String.valueOf(maxWordLetters)));
        }
    }

    private static void passive(String text, String masked, DutchSentences.Sentence sentence,
            List<ReadabilityFinding> findings) {
        for (DutchSentences.Word[] pair : PassiveVoice.find(masked, sentence)) {
            int start = pair[0].start();
            int end = pair[1].end();
            String found = text.substring(start, end);
            findings.add(ReadabilityFinding.in(text, ReadabilityFinding.Kind.PASSIVE_VOICE, start, end, found,
                    found.replaceAll("\\s+", " ")));
        }
    }

    private static String opening(String text, DutchSentences.Sentence sentence) {
        List<DutchSentences.Word> words = sentence.words();
        int end = words.get(Math.min(7, words.size() - 1)).end();
        return text.substring(sentence.start(), end).replaceAll("\\s+", " ") + " …";
    }

    /** Settings for a {@link ReadabilityCheck}; each is checked when set. */
    public static final class Builder {

        private int maxSentenceWords = 20;
        private int maxWordLetters = 13;
        private double minimumReadingEase = 60;
        private final Set<String> allowedLongWords = new HashSet<>(MUNICIPAL_WORDS);

        private Builder() {
        }

        /** Sentences with more words than this are reported (default 20). */
        public Builder maxSentenceWords(int words) {
            if (words < 5 || words > 100) {
                throw new IllegalArgumentException(
                        "maximum sentence length must be within [5, 100] words, was " + words);
            }
            this.maxSentenceWords = words;
            return this;
        }

        /** Words with more letters than this are reported (default 13). */
        public Builder maxWordLetters(int letters) {
            if (letters < 6 || letters > 40) {
                throw new IllegalArgumentException(
                        "maximum word length must be within [6, 40] letters, was " + letters);
            }
            this.maxWordLetters = letters;
            return this;
        }

        /** The Flesch-Douma score at or above which a text counts as B1 or simpler (default 60). */
        public Builder minimumReadingEase(double score) {
            if (!(score >= 0 && score <= 100)) {
                throw new IllegalArgumentException("minimum reading ease must be within [0, 100], was " + score);
            }
            this.minimumReadingEase = score;
            return this;
        }

        /** More long words not to report, besides {@link #MUNICIPAL_WORDS} (compared in lower case). */
        public Builder allowLongWords(Collection<String> words) {
            for (String word : words) {
                allowedLongWords.add(word.strip().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public ReadabilityCheck build() {
            return new ReadabilityCheck(this);
        }
    }
}
