/**
 * Calibration of the synthetic municipality: per district (wijk) the CBS population figures that the
 * generator reproduces (age bands, household mix, household size, migration background, income) and
 * its neighbourhoods (buurten) with their most common postcode.
 *
 * <p>{@link nl.maatwerk.core.calibration.Calibration#bundled()} reads a small derived file shipped on
 * the classpath (Bron: CBS, Kerncijfers wijken en buurten 2019 (84583NED), CC BY 4.0);
 * {@link nl.maatwerk.core.calibration.Calibration#fromCbsFile} reads the full CBS export and
 * {@link nl.maatwerk.core.calibration.CalibrationDeriver} regenerates the bundled file from it.
 */
package nl.maatwerk.core.calibration;
