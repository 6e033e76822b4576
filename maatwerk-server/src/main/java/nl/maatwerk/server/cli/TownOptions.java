package nl.maatwerk.server.cli;

import java.time.LocalDate;
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

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The municipality these options describe; a bad value is a usage error (exit 2) that names it. */
    SyntheticMunicipality town() {
        try {
            SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder().citizens(citizens).months(months)
                    .seed(seed).contactsPerCitizenYear(contactsPerCitizenYear);
            if (endDate != null) {
                builder.endDate(endDate);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
