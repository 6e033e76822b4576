package nl.maatwerk.core.synth;

/** How many records of each kind one generation wrote. */
public record GenerationCounts(long citizens, long travelDocuments, long cases, long caseStatusChanges,
                               long contacts, long plantedPreferences) {

    public GenerationCounts {
        if (citizens < 0 || travelDocuments < 0 || cases < 0 || caseStatusChanges < 0 || contacts < 0
                || plantedPreferences < 0) {
            throw new IllegalArgumentException("counts must be 0 or more");
        }
    }
}
