package nl.maatwerk.server.rights;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for strings in every text, char, uuid, json and array column of every table in every non-system schema,
 * found in the catalogue at the time of the scan, so tables added later are scanned too.
 */
final class CatalogueScan {

    private final JdbcTemplate jdbc;

    CatalogueScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every "schema.table.column contains needle" found. */
    List<String> find(List<String> needles) {
        List<String[]> columns = jdbc.query("""
                select quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(a.attname)
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                join pg_type t on t.oid = a.atttypid
                where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
                  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
                  and (t.typcategory in ('S', 'A', 'U') or t.typname in ('uuid', 'json', 'jsonb'))
                order by 1, 2""", (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        if (columns.size() < 20) {
            throw new AssertionError("the catalogue lists only " + columns.size() + " columns; the scan query is wrong");
        }
        List<String> patterns = needles.stream().map(n -> "%" + n + "%").toList();
        java.util.Map<String, List<String>> byTable = new java.util.LinkedHashMap<>();
        for (String[] column : columns) {
            byTable.computeIfAbsent(column[0], k -> new ArrayList<>()).add(column[1]);
        }
        List<String> found = new ArrayList<>();
        byTable.forEach((table, names) -> {
            String any = String.join(" or ", names.stream().map(c -> c + "::text like any(?::text[])").toList());
            Object[] args = new Object[names.size()];
            java.util.Arrays.fill(args, patterns.toArray(String[]::new));
            Long rows = jdbc.queryForObject("select count(*) from " + table + " where " + any, Long.class, args);
            if (rows == null || rows == 0) {
                return;
            }
            for (String column : names) {
                for (String needle : needles) {
                    Long hits = jdbc.queryForObject("select count(*) from " + table + " where " + column
                            + "::text like ?", Long.class, "%" + needle + "%");
                    if (hits != null && hits > 0) {
                        found.add(table + "." + column + " contains " + needle + " (" + hits + " rows)");
                    }
                }
            }
        });
        return found;
    }
}
