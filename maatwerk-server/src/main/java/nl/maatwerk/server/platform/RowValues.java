package nl.maatwerk.server.platform;

/** Receives the values of one row, in column order (PostgreSQL text form, null for NULL). */
public interface RowValues {

    RowValues value(String value);
}
