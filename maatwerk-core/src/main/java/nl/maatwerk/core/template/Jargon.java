package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Officialese ("ambtelijke taal") with plain alternatives, after the lists the Dutch government's writing guides
 * keep (Direct Duidelijk, "Klare taal" word lists): words a B1 reader stumbles over in a letter from the
 * municipality. Matched as whole words, case-insensitive; a phrase matches across any white space.
 */
final class Jargon {

    record Hit(int start, int end, String phrase, String alternative) {
    }

    private static final Map<String, String> PLAIN = new LinkedHashMap<>();

    static {
        PLAIN.put("ten behoeve van", "voor");
        PLAIN.put("in het kader van", "bij, voor");
        PLAIN.put("met betrekking tot", "over");
        PLAIN.put("ten aanzien van", "over");
        PLAIN.put("ten gevolge van", "door");
        PLAIN.put("in verband met", "door, omdat");
        PLAIN.put("op grond van", "volgens");
        PLAIN.put("doen toekomen", "sturen");
        PLAIN.put("ter beschikking stellen", "geven");
        PLAIN.put("in behandeling nemen", "behandelen");
        PLAIN.put("per omgaande", "meteen");
        PLAIN.put("dan wel", "of");
        PLAIN.put("ter zake", "hierover");
        PLAIN.put("u dient", "u moet");
        PLAIN.put("dient u", "moet u");
        PLAIN.put("conform", "volgens");
        PLAIN.put("overeenkomstig", "volgens");
        PLAIN.put("derhalve", "daarom");
        PLAIN.put("inzake", "over");
        PLAIN.put("middels", "met, via");
        PLAIN.put("teneinde", "om");
        PLAIN.put("alsmede", "en, ook");
        PLAIN.put("indien", "als");
        PLAIN.put("aangaande", "over");
        PLAIN.put("omtrent", "over");
        PLAIN.put("reeds", "al");
        PLAIN.put("thans", "nu");
        PLAIN.put("tevens", "ook");
        PLAIN.put("echter", "maar");
        PLAIN.put("hetgeen", "wat");
        PLAIN.put("woonachtig", "wonend");
        PLAIN.put("onverwijld", "meteen");
        PLAIN.put("ingevolge", "volgens");
        PLAIN.put("voornoemd", "genoemd");
        PLAIN.put("voornoemde", "genoemde");
        PLAIN.put("bovengenoemd", "hierboven genoemd");
        PLAIN.put("bovengenoemde", "hierboven genoemde");
        PLAIN.put("desalniettemin", "toch");
        PLAIN.put("niettemin", "toch");
        PLAIN.put("mits", "als");
        PLAIN.put("zulks", "dat");
        PLAIN.put("verstrekken", "geven");
        PLAIN.put("verstrekt", "gegeven, geeft");
        PLAIN.put("retourneren", "terugsturen");
        PLAIN.put("verzoeken", "vragen");
        PLAIN.put("verzoekt", "vraagt");
        PLAIN.put("aanvang", "begin");
        PLAIN.put("ontvangstbevestiging", "bevestiging dat wij het hebben gekregen");
    }

    private static final List<Map.Entry<Pattern, String>> PATTERNS = new ArrayList<>();

    static {
        for (Map.Entry<String, String> entry : PLAIN.entrySet()) {
            String regex = "(?<![\\p{L}])" + entry.getKey().replace(" ", "\\s+") + "(?![\\p{L}])";
            PATTERNS.add(Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    entry.getValue()));
        }
    }

    private Jargon() {
    }

    /** Every hit in {@code text}, in text order; where phrases overlap the first listed (the longer) wins. */
    static List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<Pattern, String> entry : PATTERNS) {
            Matcher matcher = entry.getKey().matcher(text);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (hits.stream().noneMatch(h -> start < h.end() && h.start() < end)) {
                    hits.add(new Hit(start, end, matcher.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
                            entry.getValue()));
                }
            }
        }
        hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return hits;
    }
}
