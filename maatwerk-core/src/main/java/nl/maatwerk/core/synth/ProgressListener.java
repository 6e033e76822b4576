package nl.maatwerk.core.synth;

/** Told how far a generation is, for a progress bar; called on the generating thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called after every 1,000 residents and once at the end with {@code done == total}.
     *
     * @param citizensDone  residents generated so far, with all their records
     * @param citizensTotal residents to generate
     */
    void progress(long citizensDone, long citizensTotal);
}
