package nl.maatwerk.server.analytics;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.maatwerk.core.stats.Certainty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A bulletin item in plain words, Dutch or English: the same sentences on the web page, in the e-mail
 * and in the PDF.
 */
@Component("bulletinWords")
public class BulletinWords {

    private final MessageSource messages;

    BulletinWords(MessageSource messages) {
        this.messages = messages;
    }

    /** What the item is about, e.g. "Onderwerp afval, wijk WK036394". */
    public String subject(BulletinItem item, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < item.dimensions().size(); i++) {
            String dimension = item.dimensions().get(i);
            String value = item.values().get(i);
            String shown = switch (dimension) {
                case "channel", "kind" -> messages.getMessage(dimension + "." + value, null, value, locale);
                default -> value;
            };
            parts.add(messages.getMessage("bulletin.dim." + dimension, null, dimension, locale) + " " + shown);
        }
        return String.join(", ", parts);
    }

    /** What was found, with its figures. */
    public String finding(BulletinItem item, int k, Locale locale) {
        NumberFormat one = number(locale, 1);
        NumberFormat two = number(locale, 2);
        String week = item.week() == null ? "<" + k : one.format(item.week());
        return switch (item.kind()) {
            case "RISE", "FALL" -> messages.getMessage("bulletin.count." + item.kind().toLowerCase(Locale.ROOT), new Object[] {
                    week, one.format(item.baseline()), two.format(item.change()), two.format(item.low()),
                    Double.isInfinite(item.high()) ? "∞" : two.format(item.high())}, locale);
            case "SATISFACTION_DROP" -> messages.getMessage("bulletin.satisfaction", new Object[] {
                    two.format(item.week()), two.format(item.baseline()), two.format(item.change()),
                    two.format(item.low()), two.format(item.high())}, locale);
            default -> messages.getMessage("bulletin.shift", new Object[] {
                    one.format(100 * item.week()), one.format(100 * item.baseline()), signed(one, item.change()),
                    signed(one, item.low()), signed(one, item.high())}, locale);
        };
    }

    /** How sure, e.g. "zeer zeker (q = 0,0001)". */
    public String certainty(BulletinItem item, Locale locale) {
        Certainty certainty = Certainty.valueOf(item.certainty());
        String words = locale.getLanguage().equals("en") ? certainty.english() : certainty.dutch();
        String q = item.q() < 0.0001 ? "< 0" + (locale.getLanguage().equals("en") ? "." : ",") + "0001" : "= " + number(locale, 4).format(item.q());
        return words + " (q " + q + ")";
    }

    public String heading(BulletinItem item, Locale locale) {
        return messages.getMessage("bulletin.kind." + item.kind(), null, item.kind(), locale);
    }

    private static String signed(NumberFormat format, double value) {
        return (value > 0 ? "+" : "") + format.format(value);
    }

    private static NumberFormat number(Locale locale, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(digits);
        format.setMinimumFractionDigits(0);
        return format;
    }
}
