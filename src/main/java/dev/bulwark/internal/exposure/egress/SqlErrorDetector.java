package dev.bulwark.internal.exposure.egress;

/**
 * Database error messages, by markers the databases and their drivers print and ordinary text does not:
 * {@code SQLSTATE}, Oracle's {@code ORA-} and five digits, PostgreSQL's {@code syntax error at or near},
 * {@code unterminated quoted string at or near} and {@code PSQLException}, MySQL's
 * {@code You have an error in your SQL syntax}, SQL Server's {@code Incorrect syntax near} and
 * {@code Unclosed quotation mark after the character string}, H2's {@code org.h2.jdbc.JdbcSQL} and SQLite's
 * {@code SQLITE_ERROR}.
 */
final class SqlErrorDetector implements Detector {

    private static final String[] MARKERS = {"SQLSTATE", "syntax error at or near", "PSQLException",
        "unterminated quoted string at or near", "You have an error in your SQL syntax", "Incorrect syntax near",
        "Unclosed quotation mark after the character string", "org.h2.jdbc.JdbcSQL", "SQLITE_ERROR"};

    @Override
    public int needs() {
        return Chars.UPPER_Q | Chars.DASH | Chars.LOWER_X;
    }

    @Override
    public int minLength() {
        return 8; // SQLSTATE
    }

    @Override
    public SecretShape find(char[] t, int n) {
        for (String marker : MARKERS) {
            if (Chars.indexOf(t, n, marker, 0) >= 0) {
                return SecretShape.SQL_ERROR;
            }
        }
        int at = Chars.indexOf(t, n, "ORA-", 0);
        while (at >= 0) {
            int k = at + 4;
            while (k < n && Chars.digit(t[k])) {
                k++;
            }
            if (k - at - 4 == 5 && !Chars.alnum(Chars.at(t, n, at - 1)) && !Chars.alnum(Chars.at(t, n, k))) {
                return SecretShape.SQL_ERROR;
            }
            at = Chars.indexOf(t, n, "ORA-", at + 4);
        }
        return null;
    }
}
