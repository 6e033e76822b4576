package nl.maatwerk.server.platform;

/** Told how far a long job is; {@code total} is -1 when unknown. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
