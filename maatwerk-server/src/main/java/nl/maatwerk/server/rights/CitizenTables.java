package nl.maatwerk.server.rights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every table that can hold a citizen's data, read from the catalogue ({@code pg_constraint}, {@code pg_attribute})
 * each time it is asked, so tables added later are covered: tables with a foreign key to {@code citizen}, tables with
 * a foreign key to one of those (a case's status history), and tables with a uuid column {@code citizen_id} but no
 * foreign key (the generator's {@code truth} schema). Each table gets a condition selecting the citizen's rows, with
 * one parameter {@code :citizen}; conditions on a table reached by more than one path are joined with OR.
 */
@Component
class CitizenTables {

    /** Kept on erasure: the request itself (its foreign key sets the citizen to null). */
    static final Set<String> KEPT = Set.of("privacy_request");

    private static final int MAX_DEPTH = 8;

    private final JdbcTemplate jdbc;

    CitizenTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One table holding citizen data.
     *
     * @param name  as {@code regclass::text} gives it (schema-qualified outside the search path, quoted where needed)
     * @param where selects the citizen's rows; uses {@code :citizen}
     * @param depth 1 for a table referencing citizen, 2 for one referencing such a table, …
     */
    record CitizenTable(String name, String where, int depth) {
    }

    private record ForeignKey(String child, String parent, List<String> childColumns, List<String> parentColumns) {
    }

    /** Children before parents: deleting in this order never trips a foreign key. */
    List<CitizenTable> all() {
        List<ForeignKey> keys = jdbc.query("""
                select c.conrelid::regclass::text child, c.confrelid::regclass::text parent,
                       array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) child_columns,
                       array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                             join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) parent_columns
                from pg_constraint c where c.contype = 'f'""",
                (rs, n) -> new ForeignKey(rs.getString(1), rs.getString(2),
                        List.of((String[]) rs.getArray(3).getArray()), List.of((String[]) rs.getArray(4).getArray())));
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        Map<String, Integer> depth = new LinkedHashMap<>();
        conditions.put("citizen", new ArrayList<>(List.of("id = :citizen")));
        depth.put("citizen", 0);
        List<String> frontier = List.of("citizen");
        for (int d = 1; d <= MAX_DEPTH && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            for (String parent : frontier) {
                for (ForeignKey key : keys) {
                    if (!key.parent().equals(parent) || key.child().equals(parent)) {
                        continue;
                    }
                    String condition = parent.equals("citizen") && key.childColumns().size() == 1
                            ? key.childColumns().get(0) + " = :citizen"
                            : "(" + String.join(", ", key.childColumns()) + ") in (select "
                                    + String.join(", ", key.parentColumns()) + " from " + parent + " where "
                                    + where(conditions.get(parent)) + ")";
                    conditions.computeIfAbsent(key.child(), k -> new ArrayList<>()).add(condition);
                    if (!depth.containsKey(key.child()) || depth.get(key.child()) < d) {
                        depth.put(key.child(), d);
                        next.add(key.child());
                    }
                }
            }
            frontier = next;
        }
        jdbc.queryForList("""
                select a.attrelid::regclass::text from pg_attribute a
                join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where a.attname = 'citizen_id' and a.atttypid = 'uuid'::regtype and not a.attisdropped and a.attnum > 0
                  and c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                  and n.nspname not like 'pg\\_%'""", String.class).forEach(table -> {
            if (!depth.containsKey(table)) {
                conditions.put(table, new ArrayList<>(List.of("citizen_id = :citizen")));
                depth.put(table, 1);
            }
        });
        List<CitizenTable> tables = new ArrayList<>();
        depth.forEach((table, d) -> {
            if (d > 0) {
                tables.add(new CitizenTable(table, where(conditions.get(table)), d));
            }
        });
        tables.sort(Comparator.comparingInt(CitizenTable::depth).reversed().thenComparing(CitizenTable::name));
        return tables;
    }

    private static String where(List<String> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : "(" + String.join(" or ", conditions) + ")";
    }
}
