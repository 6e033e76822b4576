package nl.maatwerk.core.segment;

/** Where a field name stands: on the citizen, or inside {@code count(contacts …)} / {@code count(cases …)}. */
enum Scope {
    CITIZEN("on a citizen"), CONTACT("inside contacts where …"), CASE("inside cases where …");

    private final String words;

    Scope(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }
}
