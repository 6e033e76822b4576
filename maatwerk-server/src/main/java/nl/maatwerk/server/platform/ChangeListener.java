package nl.maatwerk.server.platform;

import java.util.List;

/**
 * Something kept fresh from {@link ChangeFeed}. A change may be delivered more than once (after a
 * restart of the feed, or a range overlapping rows already seen), so applying must be idempotent.
 */
public interface ChangeListener {

    /** The table whose changes this listener wants. */
    String table();

    /** Called on the feed's thread, in change-log order. */
    void apply(List<Change> changes);
}
