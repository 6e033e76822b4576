package nl.maatwerk.server.profile;

import java.time.LocalDate;

/** A passport or identity card; {@code expiryDate} is Haal Centraal's datumEindeGeldigheid. */
public record TravelDocument(String number, String type, LocalDate issueDate, LocalDate expiryDate) {
}
