package nl.maatwerk.server.platform;

import java.util.function.Function;

/**
 * One column of a CSV import: its header name, the table column it lands in, whether it is required, and
 * how a text value becomes the PostgreSQL text form (null for empty). The conversion throws
 * IllegalArgumentException with a plain reason when the value is wrong.
 */
public record CsvColumn(String header, String tableColumn, boolean required, Function<String, String> convert) {

    public static CsvColumn required(String header, String tableColumn, Function<String, String> convert) {
        return new CsvColumn(header, tableColumn, true, convert);
    }

    public static CsvColumn optional(String header, String tableColumn, Function<String, String> convert) {
        return new CsvColumn(header, tableColumn, false, convert);
    }
}
