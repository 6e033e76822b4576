package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.maatwerk.core.synth.SyntheticCsv;
import nl.maatwerk.core.synth.SyntheticMunicipality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic municipality as CSV files (docs/csv-formats.md): citizens calibrated on CBS "
                + "figures, travel documents, cases and months of contact history.",
                "The same options always give the same files."})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    TownOptions options;

    @Option(names = "--out", required = true, description = "directory to write the CSV files to")
    Path out;

    @Override
    public Integer call() {
        SyntheticMunicipality town = options.town();
        ConsoleProgress progress = new ConsoleProgress(System.out, "generate " + town.citizens() + " citizens");
        SyntheticCsv.write(town, out, progress::progress);
        progress.done("written to " + out.toAbsolutePath());
        return 0;
    }
}
