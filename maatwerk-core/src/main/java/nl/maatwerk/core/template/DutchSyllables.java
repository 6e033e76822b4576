package nl.maatwerk.core.template;

import java.util.Locale;

/**
 * Counts the syllables of a Dutch word by its vowel sounds: a run of vowel letters is split into Dutch vowel
 * units (longest first: {@code aai ooi oei eeu ieu}, then {@code aa ee oo uu ie oe eu ei ij ui ou au}), each unit
 * one syllable; a diaeresis ({@code ë ï ö ü}) starts a new one. So "ideaal" is i-de-aal (3), "januari" 4,
 * "geïnformeerd" 4, "eeuw" 1. The final e of Dutch words is a schwa and counts. Good enough for a reading-ease
 * score; not a hyphenator.
 */
final class DutchSyllables {

    private static final String VOWELS = "aeiouyàáâèéêìíîòóôùúûäëïöü";
    private static final String DIAERESIS = "äëïöü";
    private static final String[] UNITS = {"aai", "ooi", "oei", "eeu", "ieu", "aa", "ee", "oo", "uu", "ie", "oe",
        "eu", "ei", "ij", "ui", "ou", "au", "ai", "oi", "ey"};

    private DutchSyllables() {
    }

    static int count(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int syllables = 0;
        int i = 0;
        while (i < w.length()) {
            if (!isVowel(w, i)) {
                i++;
                continue;
            }
            syllables++;
            i += unitLength(w, i);
        }
        return Math.max(1, syllables);
    }

    private static int unitLength(String w, int at) {
        if (DIAERESIS.indexOf(w.charAt(at)) < 0) {
            for (String unit : UNITS) {
                if (w.startsWith(unit, at) && DIAERESIS.indexOf(w.charAt(at + unit.length() - 1)) < 0) {
                    return unit.length();
                }
            }
        }
        return 1;
    }

    private static boolean isVowel(String w, int at) {
        return VOWELS.indexOf(w.charAt(at)) >= 0;
    }
}
