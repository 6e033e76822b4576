package nl.maatwerk.core.bsn;

/**
 * A burgerservicenummer: nine digits that pass the 11-test
 * (9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11, and not 000000000).
 */
public record Bsn(String value) {

    public Bsn {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Whether {@code value} is a valid BSN. */
    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Why {@code value} is not a valid BSN, or {@code null} when it is. */
    public static String problem(String value) {
        if (value == null || value.length() != 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "a BSN is exactly 9 digits";
        }
        if (value.equals("000000000")) {
            return "000000000 is not a BSN";
        }
        return checksum(value) % 11 == 0 ? null : "BSN " + value + " fails the 11-test";
    }

    /** Makes a valid BSN from an 8-digit prefix by choosing the check digit, or returns null if none fits. */
    public static Bsn withCheckDigit(int prefix) {
        if (prefix < 0 || prefix > 99_999_999) {
            throw new IllegalArgumentException("a BSN prefix has at most 8 digits, was " + prefix);
        }
        char[] digits = new char[9];
        int sum = 0;
        for (int i = 7, rest = prefix; i >= 0; i--, rest /= 10) {
            digits[i] = (char) ('0' + rest % 10);
            sum += (9 - i) * (rest % 10);
        }
        int last = sum % 11;  // need sum - last ≡ 0 (mod 11), last in 0..9
        if (last > 9) {
            return null;
        }
        digits[8] = (char) ('0' + last);
        String candidate = new String(digits);
        return isValid(candidate) ? new Bsn(candidate) : null;
    }

    private static int checksum(String nine) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nine.charAt(i) - '0');
        }
        return sum - (nine.charAt(8) - '0');
    }

    @Override
    public String toString() {
        return value;
    }
}
