package nl.maatwerk.core.calibration;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Regenerates the bundled calibration resource from the full CBS export.
 *
 * <p>Usage: {@code CalibrationDeriver <cbs_kwb_neighbourhoods.csv.gz> <output.csv> [GM0363] [2019]}; see
 * {@code docs/synthetic-municipality.md} for the Maven command.
 */
public final class CalibrationDeriver {

    private CalibrationDeriver() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: CalibrationDeriver <cbs_kwb_neighbourhoods.csv.gz> <output.csv> [GM0363] [2019]");
            System.exit(2);
            return;
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        String municipality = args.length > 2 ? args[2] : "GM0363";
        int year = args.length > 3 ? Integer.parseInt(args[3]) : 2019;
        Calibration calibration = Calibration.fromCbsFile(source, municipality, year);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            calibration.write(out);
        }
        System.out.printf("%s %s %d: %d districts, %d neighbourhoods, %d residents -> %s (%d bytes)%n",
                calibration.municipalityCode(), calibration.municipalityName(), year, calibration.districts().size(),
                calibration.districts().stream().mapToInt(d -> d.neighbourhoods().size()).sum(),
                calibration.districtPopulation(), target, Files.size(target));
    }
}
