/**
 * The synthetic municipality: a deterministic-by-seed, streaming generator of residents, households,
 * travel documents, cases and a contact history, calibrated per district on CBS figures.
 *
 * <p>Public face: {@link nl.maatwerk.core.synth.SyntheticMunicipality} (builder and
 * {@code generate(SyntheticSink)}), the {@code Generated*} records and
 * {@link nl.maatwerk.core.synth.PlantedPreference}, and {@link nl.maatwerk.core.synth.SyntheticCsv} which
 * writes the CSV files of {@code docs/csv-formats.md}. Everything else is package-private.
 * See {@code docs/synthetic-municipality.md} for what is modelled and what is simplified.
 */
package nl.maatwerk.core.synth;
