package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.List;
import nl.maatwerk.server.platform.ApiProblem;
import org.springframework.stereotype.Service;

/** The contact centre's task list: open and done tasks, and marking one done. */
@Service
public class Tasks {

    private final TaskStore store;

    Tasks(TaskStore store) {
        this.store = store;
    }

    /** Tasks, newest first; {@code state} open, done or null for both. */
    public List<Task> list(String state, String journeyKey, int limit) {
        return store.list(state, journeyKey, Math.max(1, Math.min(limit, 500)));
    }

    public Task get(long id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("there is no task " + id));
    }

    /** Marks a task done; a task already done stays as it was. */
    public Task done(long id, String by, String note, Instant now) {
        get(id);
        store.done(id, by, note == null || note.isBlank() ? null : note.strip(), now);
        return get(id);
    }
}
