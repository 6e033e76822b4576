package nl.maatwerk.server.segment;

import java.util.List;
import nl.maatwerk.server.platform.Change;
import nl.maatwerk.server.platform.ChangeListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands every committed change to the tables segments read over to the engine's {@link Pending} set. */
@Configuration(proxyBeanMethods = false)
class SegmentFeed {

    @Bean
    ChangeListener segmentCitizenChanges(SegmentEngine engine) {
        return listener("citizen", engine);
    }

    @Bean
    ChangeListener segmentContactChanges(SegmentEngine engine) {
        return listener("contact", engine);
    }

    @Bean
    ChangeListener segmentDocumentChanges(SegmentEngine engine) {
        return listener("travel_document", engine);
    }

    @Bean
    ChangeListener segmentCaseChanges(SegmentEngine engine) {
        return listener("municipal_case", engine);
    }

    @Bean
    ChangeListener segmentCaseHistoryChanges(SegmentEngine engine) {
        return listener("case_status_change", engine);
    }

    /** A consent withdrawn or an objection for a purpose takes the citizen out of that purpose's segments. */
    @Bean
    ChangeListener segmentConsentChanges(SegmentEngine engine) {
        return listener("consent_event", engine);
    }

    private static ChangeListener listener(String table, SegmentEngine engine) {
        return new ChangeListener() {
            @Override
            public String table() {
                return table;
            }

            @Override
            public void apply(List<Change> changes) {
                engine.changed(changes);
            }
        };
    }
}
