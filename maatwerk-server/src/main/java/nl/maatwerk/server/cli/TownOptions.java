package nl.maatwerk.server.cli;

import java.time.LocalDate;
import nl.maatwerk.core.synth.PlantedSurge;
import nl.maatwerk.core.synth.SyntheticMunicipality;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that describe a synthetic municipality, shared by {@code generate} and {@code demo}. */
final class TownOptions {

    @Option(names = "--citizens", defaultValue = "50000", description = "residents, children included (default: ${DEFAULT-VALUE})")
    int citizens;

    @Option(names = "--months", defaultValue = "24", description = "months of contact history (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end-date", description = "last day of the history (default: today)")
    LocalDate endDate;

    @Option(names = "--contacts-per-citizen-year", defaultValue = "1.6",
            description = "average contacts per resident per year (default: ${DEFAULT-VALUE})")
    double contactsPerCitizenYear;

    @Option(names = "--surge", paramLabel = "TOPIC,DISTRICT,MONDAY,FACTOR",
            description = "plants a surge: the topic FACTOR times as often in the district in the ISO week starting MONDAY,"
                    + " e.g. openbare-ruimte,WK036394,2026-11-16,3 (repeatable)")
    java.util.List<String> surges = new java.util.ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private static PlantedSurge surge(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("--surge takes TOPIC,DISTRICT,MONDAY,FACTOR, e.g. openbare-ruimte,WK036394,2026-11-16,3; got " + text);
        }
        return new PlantedSurge(parts[0].trim(), parts[1].trim(), LocalDate.parse(parts[2].trim()), Double.parseDouble(parts[3].trim()));
    }

    /** The municipality these options describe; a bad value is a usage error (exit 2) that names it. */
    SyntheticMunicipality town() {
        try {
            SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder().citizens(citizens).months(months)
                    .seed(seed).contactsPerCitizenYear(contactsPerCitizenYear);
            if (endDate != null) {
                builder.endDate(endDate);
            }
            for (String surge : surges) {
                builder.surge(surge(surge));
            }
            return builder.build();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
