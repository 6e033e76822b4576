package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PushTemplateTests {

    @Test
    void render_withinLimits() {
        PushMessage push = PushTemplate.of("Uw paspoort ligt klaar", "Haal het op vóór ((datum)).")
                .render(Map.of("datum", "1 maart"));

        assertThat(push).isEqualTo(new PushMessage("Uw paspoort ligt klaar", "Haal het op vóór 1 maart."));
    }

    @Test
    void titleAtTheLimit_isAccepted_andOneOverIsNot() {
        PushTemplate template = PushTemplate.of("((titel))", "x");

        assertThat(template.render(Map.of("titel", "t".repeat(65))).title()).hasSize(65);
        assertThatThrownBy(() -> template.render(Map.of("titel", "t".repeat(66))))
                .isInstanceOfSatisfying(ChannelLimitExceeded.class, e -> {
                    assertThat(e.field()).isEqualTo("push title");
                    assertThat(e.limit()).isEqualTo(65);
                    assertThat(e.length()).isEqualTo(66);
                });
    }

    @Test
    void bodyOverTheLimit_afterFillingIn() {
        PushTemplate template = PushTemplate.of("t", "Beste ((naam)), " + "b".repeat(200));

        assertThat(template.render(Map.of("naam", "J".repeat(32))).body()).hasSize(240);
        assertThatThrownBy(() -> template.render(Map.of("naam", "J".repeat(33))))
                .isInstanceOfSatisfying(ChannelLimitExceeded.class, e -> assertThat(e.field()).isEqualTo("push body"));
    }

    @Test
    void emoji_countsAsOneCharacter() {
        assertThat(PushTemplate.of("👋".repeat(65), "x").render(Map.of()).title()).hasSize(130);
    }

    @Test
    void fixedTextOverTheLimit_isRefusedWhenMade() {
        assertThatThrownBy(() -> PushTemplate.of("t".repeat(66) + "((x))", "b"))
                .isInstanceOf(ChannelLimitExceeded.class);
    }
}
