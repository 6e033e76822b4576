package nl.maatwerk.server.analytics.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What an analytics endpoint answers, as named columns, ready for JSON or CSV. A withheld figure is
 * the text {@code "<k"} in both, so nobody can mistake it for zero.
 */
record ResultTable(String measure, List<String> dimensions, List<String> columns, List<Map<String, Object>> rows, int k, LocalDate from, LocalDate to) {

    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measure", measure);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("k", k);
        body.put("dimensions", dimensions);
        body.put("columns", columns);
        body.put("rows", rows);
        return body;
    }

    String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get())) {
            for (Map<String, Object> row : rows) {
                for (String column : columns) {
                    Object value = row.get(column);
                    printer.print(value == null ? "" : value);
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String withheld(int k) {
        return "<" + k;
    }
}
