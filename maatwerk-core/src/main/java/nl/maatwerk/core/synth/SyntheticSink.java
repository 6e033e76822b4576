package nl.maatwerk.core.synth;

/**
 * Receives the records of a synthetic municipality as they are generated, one method per record type.
 *
 * <p>Calls come from the generating thread, in a deterministic order: household by household, and per
 * resident first the citizen and its planted preference, then its travel documents, cases (each followed
 * by its status history) and contacts. A record only refers to citizens and cases already delivered,
 * except that contacts are not in time order. A sink must not keep contacts if it wants to handle
 * millions of them; an exception thrown by the sink ends the generation.
 */
public interface SyntheticSink {

    void citizen(GeneratedCitizen citizen);

    void travelDocument(GeneratedTravelDocument document);

    void caseFile(GeneratedCase caseFile);

    void caseStatusChange(GeneratedCaseStatusChange change);

    void contact(GeneratedContact contact);

    void plantedPreference(PlantedPreference preference);
}
