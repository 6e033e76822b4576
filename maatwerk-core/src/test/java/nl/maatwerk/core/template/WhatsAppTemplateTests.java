package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;
import org.junit.jupiter.api.Test;

class WhatsAppTemplateTests {

    private final WhatsAppTemplate afspraak = WhatsAppTemplate.of("afspraak_herinnering", "nl",
            "Beste ((naam)), u heeft op ((datum)) om ((tijd)) een afspraak. Tot ((datum)), ((NAAM))!");

    @Test
    void parameters_areNumberedInOrderOfFirstUse() {
        assertThat(afspraak.parameterNames()).containsExactly("naam", "datum", "tijd");
        assertThat(afspraak.approvedBody())
                .isEqualTo("Beste {{1}}, u heeft op {{2}} om {{3}} een afspraak. Tot {{2}}, {{1}}!");
    }

    @Test
    void render_givesParametersInOrder() {
        WhatsAppMessage message = afspraak.render(Map.of("tijd", "10:30", "naam", "Sem", "datum", "4 december"));

        assertThat(message.templateName()).isEqualTo("afspraak_herinnering");
        assertThat(message.language()).isEqualTo("nl");
        assertThat(message.bodyParameters()).containsExactly("Sem", "4 december", "10:30");
        assertThat(message.preview())
                .isEqualTo("Beste Sem, u heeft op 4 december om 10:30 een afspraak. Tot 4 december, Sem!");
    }

    @Test
    void render_listsMissingParameters() {
        assertThatThrownBy(() -> afspraak.render(Map.of("naam", "Sem")))
                .isInstanceOfSatisfying(MissingPlaceholders.class,
                        e -> assertThat(e.names()).containsExactly("datum", "tijd"));
    }

    @Test
    void optionalText_isNotPossibleInAnApprovedTemplate() {
        assertThatThrownBy(() -> WhatsAppTemplate.of("x", "nl", "Hoi ((kind??Neem de kinderpas mee.))"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_IN_CHANNEL);
                    assertThat(e.column()).isEqualTo(5);
                });
    }

    @Test
    void valueWithLineBreak_isRefused() {
        assertThatThrownBy(() -> afspraak.render(Map.of("naam", "Sem\nde Vries", "datum", "d", "tijd", "t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("naam");
    }

    @Test
    void nameAndLanguage_areChecked() {
        assertThatThrownBy(() -> WhatsAppTemplate.of("Afspraak Herinnering", "nl", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhatsAppTemplate.of("afspraak", "Dutch", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WhatsAppTemplate.of("afspraak", "en_US", "x").language()).isEqualTo("en_US");
    }

    @Test
    void bodyOverTheLimit_isRefused() {
        assertThatThrownBy(() -> WhatsAppTemplate.of("lang", "nl", "a".repeat(1025)))
                .isInstanceOfSatisfying(ChannelLimitExceeded.class, e -> assertThat(e.limit()).isEqualTo(1024));
    }
}
