package dev.bulwark.internal.exposure.egress;

/**
 * Database error messages, by markers the databases and their drivers print and ordinary text does not:
 * {@code SQLSTATE}, Oracle's {@code ORA-} and five digits, PostgreSQL's {@code syntax error at or near},
 * {@code unterminated quoted string at or near} and {@code PSQLException}, MySQL's
 * {@code You have an error in your SQL syntax}, SQL Server's {@code Incorrect syntax near} and
 * {@code Unclosed quotation mark after the character string}, H2's {@code org.h2.jdbc.JdbcSQL}, SQLite's
 * {@code SQLITE_ERROR}, JDBC's {@code SQLSyntaxErrorException} (MySQL's {@code MySQLSyntaxErrorException} too) and
 * MySQL's {@code Unknown column 'x' in 'field list'} (the quoted column and the quoted clause after it: an API's own
 * "Unknown column: email" passes), PostgreSQL's {@code relation "x" does not exist} (the quoted relation, without a
 * space, then {@code does not exist}) and SQL Server's {@code Invalid object name 'x'} (with its quote).
 */
final class SqlErrorDetector implements Detector {

    private static final String[] MARKERS = {"SQLSTATE", "syntax error at or near", "PSQLException",
        "unterminated quoted string at or near", "You have an error in your SQL syntax", "Incorrect syntax near",
        "Unclosed quotation mark after the character string", "org.h2.jdbc.JdbcSQL", "SQLITE_ERROR", "ORA-", "SQLSyntaxErrorException", "Unknown column '",
        "relation \"", "Invalid object name '"};
    /** The markers by their first character, so that one pass over a string finds any of them. */
    private static final String[][] BY_FIRST = new String[128][];

    static {
        for (String marker : MARKERS) {
            String[] known = BY_FIRST[marker.charAt(0)];
            String[] more = known == null ? new String[1] : java.util.Arrays.copyOf(known, known.length + 1);
            more[more.length - 1] = marker;
            BY_FIRST[marker.charAt(0)] = more;
        }
    }

    @Override
    public int needs() {
        // SQL, syntax, quoted/quotation, ORA-, Unknown column, relation "x" does not exist, Invalid object
        return Chars.UPPER_Q | Chars.LOWER_X | Chars.LOWER_Q | Chars.UPPER_O | Chars.UPPER_U | Chars.QUOTE
                | Chars.APOSTROPHE;
    }

    @Override
    public int minLength() {
        return 8; // SQLSTATE
    }

    @Override
    public SecretShape find(char[] t, int n) {
        for (int i = 0; i < n; i++) {
            char c = t[i];
            String[] markers = c < 128 ? BY_FIRST[c] : null;
            if (markers == null) {
                continue;
            }
            for (String marker : markers) {
                if (Chars.startsWith(t, n, i, marker) && (c != 'O' || oracleCode(t, n, i))
                        && (c != 'U' || mysqlColumn(t, n, i + marker.length()))
                        && (c != 'r' || postgresRelation(t, n, i + marker.length()))) {
                    return SecretShape.SQL_ERROR;
                }
            }
        }
        return null;
    }

    /** After {@code Unknown column '}: the column's name, its closing quote, then {@code  in '}. */
    private static boolean mysqlColumn(char[] t, int n, int from) {
        int close = from;
        while (close < n && t[close] != '\'' && close - from <= 192) {
            close++;
        }
        return close > from && Chars.startsWith(t, n, close, "' in '");
    }

    /** After {@code relation "}: the relation's name (no space, no quote), its closing quote, {@code  does not exist}. */
    private static boolean postgresRelation(char[] t, int n, int from) {
        int close = from;
        while (close < n && t[close] != '"' && t[close] != ' ' && close - from <= 128) {
            close++;
        }
        return close > from && Chars.startsWith(t, n, close, "\" does not exist");
    }

    /** {@code ORA-} at {@code at} starts an Oracle code: five digits, standing alone. */
    private static boolean oracleCode(char[] t, int n, int at) {
        int k = at + 4;
        while (k < n && Chars.digit(t[k])) {
            k++;
        }
        return k - at - 4 == 5 && !Chars.alnum(Chars.at(t, n, at - 1)) && !Chars.alnum(Chars.at(t, n, k));
    }
}
