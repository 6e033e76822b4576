package nl.maatwerk.core.template;

import java.util.Objects;

/**
 * How long an SMS text is on the air: its encoding, the characters a reader sees, the units that count toward
 * the limit (septets for GSM-7, UTF-16 code units for UCS-2), and the number of SMS parts it is sent (and paid) as.
 *
 * <p>Parts are counted the way senders split: a character is never cut in two, so an extension character
 * (two septets) or an emoji (a surrogate pair) that would straddle a part boundary moves to the next part.
 */
public record SmsLength(SmsEncoding encoding, int characters, int units, int segments) {

    public SmsLength {
        Objects.requireNonNull(encoding, "encoding");
        if (characters < 0 || units < characters || segments < 0) {
            throw new IllegalArgumentException("impossible SMS length: " + characters + " characters, " + units
                    + " units, " + segments + " segments");
        }
    }

    /** Measures {@code text}: GSM-7 when every character is in the GSM alphabet, UCS-2 otherwise. */
    public static SmsLength of(String text) {
        Objects.requireNonNull(text, "text");
        SmsEncoding encoding = text.codePoints().allMatch(c -> GsmAlphabet.septets(c) > 0)
                ? SmsEncoding.GSM_7 : SmsEncoding.UCS_2;
        int[] codePoints = text.codePoints().toArray();
        int units = 0;
        for (int c : codePoints) {
            units += cost(encoding, c);
        }
        return new SmsLength(encoding, codePoints.length, units, segments(encoding, codePoints, units));
    }

    private static int segments(SmsEncoding encoding, int[] codePoints, int units) {
        if (units == 0) {
            return 0;
        }
        if (units <= encoding.single()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int c : codePoints) {
            int cost = cost(encoding, c);
            if (used + cost > encoding.perPart()) {
                parts++;
                used = 0;
            }
            used += cost;
        }
        return parts;
    }

    private static int cost(SmsEncoding encoding, int codePoint) {
        return encoding == SmsEncoding.GSM_7 ? GsmAlphabet.septets(codePoint) : Character.charCount(codePoint);
    }
}
