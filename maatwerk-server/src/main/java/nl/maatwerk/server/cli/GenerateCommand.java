package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import nl.maatwerk.core.synth.SyntheticCsv;
import nl.maatwerk.core.synth.SyntheticMunicipality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic municipality as CSV files (docs/csv-formats.md): citizens calibrated on CBS "
                + "figures, travel documents, cases and months of contact history.",
                "The same options always give the same files."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--citizens", defaultValue = "50000", description = "residents, children included (default: ${DEFAULT-VALUE})")
    int citizens;

    @Option(names = "--months", defaultValue = "12", description = "months of contact history (default: ${DEFAULT-VALUE})")
    int months;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--end-date", description = "last day of the history (default: today)")
    LocalDate endDate;

    @Option(names = "--contacts-per-citizen-year", defaultValue = "1.6",
            description = "average contacts per resident per year (default: ${DEFAULT-VALUE})")
    double contactsPerCitizenYear;

    @Option(names = "--out", required = true, description = "directory to write the CSV files to")
    Path out;

    @Override
    public Integer call() {
        SyntheticMunicipality town;
        try {
            town = town(citizens, months, seed, endDate, contactsPerCitizenYear);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ConsoleProgress progress = new ConsoleProgress(System.out, "generate " + citizens + " citizens");
        SyntheticCsv.write(town, out, progress::progress);
        progress.done("written to " + out.toAbsolutePath());
        return 0;
    }

    static SyntheticMunicipality town(int citizens, int months, long seed, LocalDate endDate, double rate) {
        SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder()
                .citizens(citizens).months(months).seed(seed).contactsPerCitizenYear(rate);
        if (endDate != null) {
            builder.endDate(endDate);
        }
        return builder.build();
    }
}
