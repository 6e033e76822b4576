package nl.maatwerk.core.synth;

import java.util.ArrayList;
import java.util.List;

/** Keeps every record in memory, for tests on small municipalities. */
final class RecordingSink implements SyntheticSink {

    final List<GeneratedCitizen> citizens = new ArrayList<>();
    final List<GeneratedTravelDocument> documents = new ArrayList<>();
    final List<GeneratedCase> cases = new ArrayList<>();
    final List<GeneratedCaseStatusChange> changes = new ArrayList<>();
    final List<GeneratedContact> contacts = new ArrayList<>();
    final List<PlantedPreference> preferences = new ArrayList<>();

    static RecordingSink of(SyntheticMunicipality municipality) {
        RecordingSink sink = new RecordingSink();
        municipality.generate(sink);
        return sink;
    }

    @Override
    public void citizen(GeneratedCitizen citizen) {
        citizens.add(citizen);
    }

    @Override
    public void travelDocument(GeneratedTravelDocument document) {
        documents.add(document);
    }

    @Override
    public void caseFile(GeneratedCase caseFile) {
        cases.add(caseFile);
    }

    @Override
    public void caseStatusChange(GeneratedCaseStatusChange change) {
        changes.add(change);
    }

    @Override
    public void contact(GeneratedContact contact) {
        contacts.add(contact);
    }

    @Override
    public void plantedPreference(PlantedPreference preference) {
        preferences.add(preference);
    }
}
