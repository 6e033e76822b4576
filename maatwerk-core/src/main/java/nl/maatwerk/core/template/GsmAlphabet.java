package nl.maatwerk.core.template;

/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1) and its extension table (§6.2.1.1), as Unicode.
 *
 * <p>Basic characters take one septet; extension characters are sent as ESC + character, two septets. The escape
 * itself (0x1B) is not a character a writer can use. Greek capitals appear as in the standard's table.
 */
final class GsmAlphabet {

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private GsmAlphabet() {
    }

    /** Septets for {@code codePoint}: 1 (basic), 2 (extension) or 0 when GSM-7 cannot carry it. */
    static int septets(int codePoint) {
        if (BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }
}
