package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the Dutch passive ("lijdende vorm") by a heuristic: a form of {@code worden} (wordt, werd, …) or of
 * {@code zijn} (is, was, …) and a past participle in the same clause (clauses end at {@code , ; : ( )}). Dutch puts
 * the participle after the auxiliary in a main clause ("Uw aanvraag wordt door ons behandeld") and often before it
 * in a subordinate one ("dat uw aanvraag is goedgekeurd"), so both sides are searched.
 *
 * <p>A past participle is {@code ge…d/t/en}, optionally after a separable prefix ({@code aangevraagd},
 * {@code toegekend}), or {@code be/ver/ont/her/er…d/t} ({@code behandeld}, {@code verstuurd}), or one of a few
 * common strong forms without ge ({@code ontvangen}, {@code verzonden}). With {@code zijn} the perfect tense of verbs
 * of motion and change ("u bent verhuisd", "is verlopen") is active, so those participles are skipped; with
 * {@code worden} they are not. Some false alarms remain (a present tense "betaalt" after "wordt"); the editor shows
 * findings as advice, not as errors.
 */
final class PassiveVoice {

    private static final Set<String> WORDEN = Set.of("word", "wordt", "worden", "werd", "werden", "geworden");
    private static final Set<String> ZIJN = Set.of("is", "zijn", "was", "waren", "ben", "bent", "geweest");
    private static final String PREFIX = "(?:aan|af|bij|door|in|mee|na|om|onder|op|over|terug|toe|uit|vast|voor|weg"
            + "|samen|tegen|vrij|goed|thuis|vooraf|kwijt)?";
    private static final Pattern GE_PARTICIPLE = Pattern.compile(PREFIX + "ge\\p{L}{2,}(?:d|t|en)");
    private static final Pattern PREFIXED_PARTICIPLE = Pattern.compile(PREFIX + "(?:be|ver|ont|her|er)\\p{L}{2,}[dt]");
    private static final Set<String> STRONG = Set.of("ontvangen", "verzonden", "besproken", "vergeten", "verkregen",
            "beschreven", "verboden", "bewezen", "ontbonden", "verleden", "bevonden", "ontheven", "verworven",
            "bedreven", "verschenen", "verstrekt", "onderzocht", "ondertekend", "overgemaakt");
    private static final Set<String> NOT_PARTICIPLES = Set.of("gezond", "gebied", "geld", "gemeenten", "gebouwen",
            "gevallen", "gebruiken", "gebeuren", "geloven", "genieten", "gelden", "getuigen", "gedachten", "geleden",
            "gebed", "gezicht", "gewicht", "geduld", "geheten", "gerecht", "gemiddeld", "geschikt", "gelegen", "gezet");
    private static final Set<String> ACTIVE_WITH_ZIJN = Set.of("verhuisd", "gestopt", "geboren", "overleden",
            "vertrokken", "gekomen", "gegaan", "geweest", "gebleven", "geworden", "begonnen", "verlopen", "gestart",
            "gebeurd", "veranderd", "toegenomen", "afgenomen", "gestegen", "gedaald", "gelukt", "mislukt",
            "verdwenen", "aangekomen", "teruggekomen", "opgehouden", "ontstaan", "vergeten", "gegroeid", "ingetrokken",
            "verschenen", "verleden");

    private PassiveVoice() {
    }

    /** Pairs of [auxiliary, participle] words (in text order) found in {@code sentence}. */
    static List<DutchSentences.Word[]> find(String text, DutchSentences.Sentence sentence) {
        List<DutchSentences.Word[]> found = new ArrayList<>();
        Set<Integer> usedParticiples = new HashSet<>();
        List<DutchSentences.Word> words = sentence.words();
        for (int i = 0; i < words.size(); i++) {
            String word = lower(words.get(i));
            boolean worden = WORDEN.contains(word);
            if (!worden && !ZIJN.contains(word)) {
                continue;
            }
            DutchSentences.Word participle = participle(text, words, i, worden);
            if (participle != null && usedParticiples.add(participle.start())) {
                DutchSentences.Word auxiliary = words.get(i);
                found.add(auxiliary.start() < participle.start()
                        ? new DutchSentences.Word[] {auxiliary, participle}
                        : new DutchSentences.Word[] {participle, auxiliary});
            }
        }
        return found;
    }

    private static DutchSentences.Word participle(String text, List<DutchSentences.Word> words, int aux,
            boolean worden) {
        for (int j = aux + 1; j < words.size() && sameClause(text, words.get(j - 1), words.get(j)); j++) {
            if (isParticiple(lower(words.get(j)), worden)) {
                return words.get(j);
            }
        }
        for (int j = aux - 1; j >= 0 && sameClause(text, words.get(j), words.get(j + 1)); j--) {
            if (isParticiple(lower(words.get(j)), worden)) {
                return words.get(j);
            }
        }
        return null;
    }

    static boolean isParticiple(String word, boolean worden) {
        if (word.length() < 5 || word.endsWith("heid") || NOT_PARTICIPLES.contains(word)
                || (!worden && ACTIVE_WITH_ZIJN.contains(word))) {
            return false;
        }
        return STRONG.contains(word) || GE_PARTICIPLE.matcher(word).matches()
                || PREFIXED_PARTICIPLE.matcher(word).matches();
    }

    private static boolean sameClause(String text, DutchSentences.Word before, DutchSentences.Word after) {
        String between = text.substring(before.end(), after.start());
        return between.chars().noneMatch(c -> ",;:()–".indexOf(c) >= 0);
    }

    private static String lower(DutchSentences.Word word) {
        return word.text().toLowerCase(Locale.ROOT);
    }
}
