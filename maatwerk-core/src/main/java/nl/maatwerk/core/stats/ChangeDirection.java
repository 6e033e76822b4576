package nl.maatwerk.core.stats;

/** Whether a series went up or down in the week under review. */
public enum ChangeDirection {
    RISE("stijging", "rise"),
    FALL("daling", "fall");

    private final String dutch;
    private final String english;

    ChangeDirection(String dutch, String english) {
        this.dutch = dutch;
        this.english = english;
    }

    public String dutch() {
        return dutch;
    }

    public String english() {
        return english;
    }
}
