package nl.maatwerk.core.synth;

/*
 * Travel-document numbers in the Dutch shape: two letters, six letters or digits, one digit, never the
 * letter O (it is confused with zero). The six middle characters encode a counter in base 35 after
 * multiplying it by a constant coprime with 35^6, a bijection, so numbers are unique for the first
 * 35^6 (1.8 billion) documents yet look scattered; the letters are random and the last digit is a
 * weighted check sum.
 */
final class DocumentNumbers {

    private static final String LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    private static final String SYMBOLS = "0123456789" + LETTERS;
    private static final long SPACE = 35L * 35 * 35 * 35 * 35 * 35;
    private static final long MULTIPLIER = 1_000_003L;

    private long counter;

    String next(Rng rng) {
        long value = (counter++ * MULTIPLIER) % SPACE;
        char[] number = new char[9];
        number[0] = LETTERS.charAt(rng.nextInt(LETTERS.length()));
        number[1] = LETTERS.charAt(rng.nextInt(LETTERS.length()));
        for (int i = 7; i >= 2; i--) {
            number[i] = SYMBOLS.charAt((int) (value % 35));
            value /= 35;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (i % 3 == 0 ? 7 : i % 3 == 1 ? 3 : 1) * number[i];
        }
        number[8] = (char) ('0' + sum % 10);
        return new String(number);
    }
}
