package nl.maatwerk.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.server.analytics.ContactAnalytics;
import nl.maatwerk.server.analytics.Dimension;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The contact dashboard: five pages sharing one filter bar whose values live in the URL, so a view can
 * be bookmarked and sent on. The widgets draw themselves from the analytics API with the same filters.
 */
@Controller
class DashboardController {

    private static final String API = "/api/v1/analytics/contacts/";

    private final ContactAnalytics analytics;
    private final MessageSource messages;
    private final ObjectMapper json;

    DashboardController(ContactAnalytics analytics, MessageSource messages, ObjectMapper json) {
        this.analytics = analytics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String overview(@ModelAttribute DashboardFilter filter, Model model, Locale locale) {
        return page("overview", filter, model, locale);
    }

    @GetMapping("/dashboard/{page:channels|topics|districts|quality}")
    String page(@PathVariable String page, @ModelAttribute DashboardFilter filter, Model model, Locale locale) {
        LocalDate lastDay = analytics.period().map(p -> p[1]).orElse(null);
        DashboardFilter f = filter.withDefaults(lastDay);
        String q = f.apiQuery();
        model.addAttribute("page", page);
        model.addAttribute("filter", f);
        model.addAttribute("widgets", widgets(page, q, f.grain()));
        model.addAttribute("channels", List.of(Channel.values()).stream().map(Channel::code).toList());
        model.addAttribute("kinds", List.of(ContactKind.values()).stream().map(ContactKind::code).toList());
        model.addAttribute("directions", List.of(Direction.values()).stream().map(Direction::code).toList());
        model.addAttribute("topics", analytics.values(Dimension.TOPIC));
        model.addAttribute("districts", analytics.values(Dimension.DISTRICT));
        model.addAttribute("neighbourhoods", analytics.values(Dimension.NEIGHBOURHOOD));
        model.addAttribute("k", analytics.k());
        model.addAttribute("pages", List.of("overview", "channels", "topics", "districts", "quality"));
        model.addAttribute("labels", labels(locale));
        model.addAttribute("pageQuery", q + (q.isEmpty() ? "" : "&") + "grain=" + f.grain());
        return "dashboard";
    }

    private static List<Widget> widgets(String page, String q, String grain) {
        return switch (page) {
            case "overview" -> List.of(
                    figure("total-contacts", "contacts", API + "counts?" + q, "contacts", false),
                    figure("total-citizens", "citizens", API + "counts?" + q, "citizens", false),
                    figure("total-digital", "digitalShare", API + "digital-share?" + q, "value", true),
                    figure("total-csat", "satisfaction", API + "satisfaction?" + q, "value", false),
                    figure("total-fcr", "fcr", API + "first-contact-resolution?" + q, "value", true),
                    figure("total-repeat", "repeat", API + "repeat-contact?" + q, "value", true),
                    wide("volume-total", "volumeTotal", API + "counts?by=" + grain + "&" + q, "line", "contacts", false),
                    wide("volume", "volume", API + "counts?by=" + grain + "&by=channel&" + q, "stack", "contacts", false),
                    wide("direction", "direction", API + "counts?by=" + grain + "&by=direction&" + q, "stack", "contacts", false));
            case "channels" -> List.of(
                    widget("channel-mix", "channelMix", API + "counts?by=channel&" + q, "bar", "contacts", false),
                    widget("digital-share", "digitalShareTrend", API + "digital-share?by=month&" + q, "line", "value", true),
                    wide("channel-by-month", "channelByMonth", API + "counts?by=month&by=channel&" + q, "stack", "contacts", false),
                    wide("channel-shift", "channelShift", API + "channel-shift?by=topic&" + q, "bar", "changePoints", false));
            case "topics" -> List.of(
                    widget("top-topics", "topTopics", API + "counts?by=topic&" + q, "bar", "contacts", false),
                    widget("top-subtopics", "topSubtopics", API + "counts?by=subtopic&" + q, "bar", "contacts", false),
                    wide("preferred-channel", "preferredChannel", API + "preferred-channels?" + q, "matrix", "channel", false));
            case "districts" -> List.of(
                    wide("district-rate", "districtRate", API + "counts?by=district&" + q, "bar", "perThousandResidents", false),
                    wide("district-heatmap", "districtHeatmap", API + "counts?by=district&by=month&" + q, "heatmap", "perThousandResidents", false),
                    wide("neighbourhood-rate", "neighbourhoodRate", API + "counts?by=neighbourhood&" + q, "table", "perThousandResidents", false));
            default -> List.of(
                    widget("fcr-by-channel", "fcrByChannel", API + "first-contact-resolution?by=channel&" + q, "bar", "value", true),
                    widget("repeat-by-topic", "repeatByTopic", API + "repeat-contact?by=topic&" + q, "bar", "value", true),
                    widget("close-by-channel", "closeByChannel", API + "time-to-close?by=channel&" + q, "bar", "value", false),
                    widget("csat-by-channel", "csatByChannel", API + "satisfaction?by=channel&" + q, "bar", "value", false),
                    widget("csat-by-topic", "csatByTopic", API + "satisfaction?by=topic&" + q, "bar", "value", false),
                    wide("complaints", "complaints", API + "counts?by=" + grain + "&by=kind&"
                            + (q.contains("kind=") ? q : q + "&kind=complaint,compliment"), "stack", "contacts", false));
        };
    }

    private static Widget figure(String id, String key, String api, String field, boolean percent) {
        return new Widget(id, "dash.w." + key, "dash.d." + key, api, "figure", field, percent, false);
    }

    private static Widget widget(String id, String key, String api, String chart, String field, boolean percent) {
        return new Widget(id, "dash.w." + key, "dash.d." + key, api, chart, field, percent, false);
    }

    private static Widget wide(String id, String key, String api, String chart, String field, boolean percent) {
        return new Widget(id, "dash.w." + key, "dash.d." + key, api, chart, field, percent, true);
    }

    /** Message keys for the codes the API answers with; the page resolves them for the browser. */
    private String labels(Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Channel c : Channel.values()) {
            labels.put("channel." + c.code(), messages.getMessage("channel." + c.code(), null, locale));
        }
        for (ContactKind k : ContactKind.values()) {
            labels.put("kind." + k.code(), messages.getMessage("kind." + k.code(), null, locale));
        }
        for (Direction d : Direction.values()) {
            labels.put("direction." + d.code(), messages.getMessage("direction." + d.code(), null, locale));
        }
        for (String word : List.of("noData", "unknown", "hours", "changePoints", "allHidden")) {
            labels.put(word, messages.getMessage("dash." + word, null, locale));
        }
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
