package nl.maatwerk.server.platform;

/**
 * One committed statement's change to a table, from {@code change_log}: an insert names the range of new
 * keys ({@code firstKey}..{@code lastKey}, which may also cover other transactions' rows), an update or
 * delete its keys.
 */
public record Change(long id, String table, Op op, long firstKey, long lastKey, long[] keys) {

    public enum Op { INSERT, UPDATE, DELETE }
}
