package nl.maatwerk.server.analytics;

/** The dictionaries behind the text columns. */
record ContactDictionaries(Dictionary topics, Dictionary subtopics, Dictionary districts, Dictionary neighbourhoods,
        Dictionary sources) {

    static ContactDictionaries create() {
        return new ContactDictionaries(new Dictionary("topic"), new Dictionary("subtopic"), new Dictionary("district"),
                new Dictionary("neighbourhood"), new Dictionary("source"));
    }
}
