package nl.maatwerk.server.analytics;

import java.util.List;
import nl.maatwerk.server.platform.Change;
import nl.maatwerk.server.platform.ChangeListener;
import org.springframework.stereotype.Component;

/** Keeps the analytics copy of the contacts fresh from the change feed. */
@Component
class ContactChanges implements ChangeListener {

    private final ContactAnalytics analytics;

    ContactChanges(ContactAnalytics analytics) {
        this.analytics = analytics;
    }

    @Override
    public String table() {
        return "contact";
    }

    @Override
    public void apply(List<Change> changes) {
        analytics.apply(changes);
    }
}
