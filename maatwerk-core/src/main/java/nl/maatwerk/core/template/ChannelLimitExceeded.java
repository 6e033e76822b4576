package nl.maatwerk.core.template;

/** A text is longer than its channel allows, such as a push title over 65 characters. */
public final class ChannelLimitExceeded extends RuntimeException {

    private final String field;
    private final int limit;
    private final int length;

    public ChannelLimitExceeded(String field, int limit, int length) {
        super(field + " is " + length + " characters, the limit is " + limit);
        this.field = field;
        this.limit = limit;
        this.length = length;
    }

    /** What is too long, such as {@code push title}. */
    public String field() {
        return field;
    }

    public int limit() {
        return limit;
    }

    public int length() {
        return length;
    }
}
