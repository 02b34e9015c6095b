package dev.bulwark.internal.exposure.egress;

/**
 * A payment card number: 13 to 19 digits standing alone, optionally grouped by single spaces, dashes or no-break
 * spaces ({@code 4111 1111 1111 1111}; U+00A0, U+202F and U+2007 as characters or as their UTF-8 bytes), or by dots
 * after groups of four ({@code 4111.1111.1111.1111}, Amex's {@code 3782.822463.10005}: a dot elsewhere is a decimal
 * point or a version's), that pass the Luhn check and start with the prefix (IIN) of a real card scheme at
 * one of that scheme's lengths: Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro and
 * Mir. Digits joined to a letter, an underscore or a dot (an IBAN's {@code DE89 3704 ...}, an id like
 * {@code ord_4111...}, a decimal), or following a {@code +} (a phone number), are not a card, and a run of more than
 * 19 digits is one long number, not a card inside it. Only strings are read: a number in a JSON number is an id or an
 * amount (large ids would pass the Luhn check one time in ten).
 */
final class CardNumberDetector implements Detector {

    private static final int MIN = 13;
    private static final int MAX = 19;

    @Override
    public int needs() {
        return Chars.DIGIT;
    }

    @Override
    public int minLength() {
        return MIN;
    }

    @Override
    public SecretShape find(char[] t, int n) {
        int i = 0;
        while (i < n) {
            if (!Chars.digit(t[i])) {
                i++;
                continue;
            }
            // the Luhn sum both ways (doubling the digits at even or at odd positions from the left), since which
            // digits are doubled depends on the count, known only at the end; and the first four digits
            int count = 0;
            int doubledEven = 0;
            int doubledOdd = 0;
            int prefix = 0;
            int group = 0;
            int groups = 0;
            int j = i;
            while (j < n) {
                char c = t[j];
                if (Chars.digit(c)) {
                    int d = c - '0';
                    int twice = d < 5 ? d * 2 : d * 2 - 9;
                    if ((count & 1) == 0) {
                        doubledEven += twice;
                        doubledOdd += d;
                    } else {
                        doubledEven += d;
                        doubledOdd += twice;
                    }
                    if (count < 4) {
                        prefix = prefix * 10 + d;
                    }
                    count++;
                    group++;
                    j++;
                    continue;
                }
                int separator = separator(t, n, j);
                if (separator == 0 || !Chars.digit(Chars.at(t, n, j + separator))
                        || c == '.' && !(group == 4 || groups == 1 && group == 6)) {
                    break;
                }
                groups++;
                group = 0;
                j += separator;
            }
            // the last digit is never doubled: with an odd count the digits at odd positions are
            int luhn = (count & 1) == 1 ? doubledOdd : doubledEven;
            if (count >= MIN && count <= MAX && luhn % 10 == 0 && scheme(prefix, count) && standsAlone(t, n, i, j)) {
                return SecretShape.CARD_NUMBER;
            }
            i = j;
        }
        return null;
    }

    /** The length of a group separator at {@code j}: a space, a dash, a dot, a no-break space; 0 for none. */
    private static int separator(char[] t, int n, int j) {
        char c = t[j];
        if (c == ' ' || c == '-' || c == '.' || c == '\u00A0' || c == '\u202F' || c == '\u2007') {
            return 1;
        }
        // a byte stream's UTF-8, kept byte by byte: C2 A0 (U+00A0), E2 80 AF (U+202F), E2 80 87 (U+2007)
        if (c == 0xC2 && Chars.at(t, n, j + 1) == 0xA0) {
            return 2;
        }
        if (c == 0xE2 && Chars.at(t, n, j + 1) == 0x80) {
            int third = Chars.at(t, n, j + 2);
            return third == 0xAF || third == 0x87 ? 3 : 0;
        }
        return 0;
    }

    private static boolean standsAlone(char[] t, int n, int start, int end) {
        int before = Chars.at(t, n, start - 1);
        // a comma before is a separator (a CSV field, a list), never part of the number: "Ada,4111...,12/28"
        if (Chars.alnum(before) || before == '_' || before == '+' || before == '.' || before == '-'
                || before == '/') {
            return false;
        }
        int after = Chars.at(t, n, end);
        if (Chars.alnum(after) || after == '_' || after == '-' || after == '/') {
            return false;
        }
        // a decimal point followed by more digits: one longer number. A comma after is a separator: thirteen
        // digits and more are never the head of a thousands-grouped number (its first group has one to three)
        return !(after == '.' && Chars.digit(Chars.at(t, n, end + 1)));
    }

    /** True when the prefix belongs to a real scheme that issues numbers of this length. */
    static boolean scheme(int p4, int len) {
        int p3 = p4 / 10;
        int p2 = p3 / 10;
        int p1 = p2 / 10;
        boolean sixteenToNineteen = len >= 16;
        if (p1 == 4) {
            return len == 13 || len == 16 || len == 19; // Visa
        }
        if (p2 >= 51 && p2 <= 55 || p4 >= 2221 && p4 <= 2720) {
            return len == 16; // Mastercard
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15; // American Express
        }
        if (p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65 || p2 == 62 || p4 >= 3528 && p4 <= 3589
                || p4 >= 2200 && p4 <= 2204) {
            return sixteenToNineteen; // Discover, UnionPay, JCB, Mir
        }
        if (p3 >= 300 && p3 <= 305 || p2 == 36 || p2 == 38 || p2 == 39) {
            return len >= 14; // Diners Club
        }
        return (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893 || p4 == 6304 || p4 == 6759
                || p4 >= 6761 && p4 <= 6763) && len >= 13; // Maestro
    }
}
