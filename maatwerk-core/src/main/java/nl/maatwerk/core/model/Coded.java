package nl.maatwerk.core.model;

/** A value with a stable lower-case code, as used in JSON, CSV and the database. */
public interface Coded {

    String code();
}
