package nl.maatwerk.core.template;

/**
 * How an SMS is encoded, and so how much fits (3GPP TS 23.038 and TS 23.040).
 *
 * <p>A message that fits in one SMS may use the whole 140-byte payload; a longer one is sent as concatenated
 * parts, each losing 6 bytes to the user data header: 160 → 153 GSM-7 septets, 70 → 67 UCS-2 characters.
 */
public enum SmsEncoding {
    /** The GSM 03.38 7-bit default alphabet plus its extension table (extension characters take two septets). */
    GSM_7(160, 153),
    /** UTF-16 (UCS-2 on the air): needed as soon as one character is outside GSM-7, such as an emoji or ë. */
    UCS_2(70, 67);

    private final int single;
    private final int perPart;

    SmsEncoding(int single, int perPart) {
        this.single = single;
        this.perPart = perPart;
    }

    /** Units (septets or UTF-16 code units) that fit in a message of one SMS. */
    public int single() {
        return single;
    }

    /** Units that fit in each part of a concatenated message. */
    public int perPart() {
        return perPart;
    }
}
