package nl.maatwerk.server;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.maatwerk.core.bsn.Bsn;

/** Fresh test citizens: unique ids and valid, unused BSNs. */
public final class TestCitizens {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000) * 10);

    private TestCitizens() {
    }

    public static String newBsn() {
        while (true) {
            Bsn bsn = Bsn.withCheckDigit(80_000_000 + NEXT.incrementAndGet() % 10_000_000);
            if (bsn != null) {
                return bsn.value();
            }
        }
    }

    public static String json(UUID id, String bsn) {
        return """
                {"id":"%s","bsn":"%s","birthDate":"1980-04-01",
                 "household":{"type":"family_with_children","size":4,"youngestChildAge":6},
                 "address":{"postcode":"1012AB","houseNumber":12,"neighbourhood":"BU03630000","municipality":"GM0363"},
                 "language":"nl","attributes":{"income_band":"middle","parking_permit_holder":true}}
                """.formatted(id, bsn);
    }
}
