package nl.maatwerk.server.web;

/**
 * One chart or table on a dashboard page. The browser fetches {@code api} (the analytics API, with the
 * page's filters) and draws it as {@code chart}: figure, bar, stack, line, heatmap, matrix or table. {@code field}
 * is the column drawn; {@code percent} shows shares as percentages.
 */
record Widget(String id, String title, String definition, String api, String chart, String field, boolean percent, boolean wide) {

    public boolean drawn() {
        return !chart.equals("figure") && !chart.equals("table") && !chart.equals("matrix");
    }

    public boolean tabular() {
        return chart.equals("table") || chart.equals("matrix");
    }

    public String csv() {
        return api + (api.contains("?") ? "&" : "?") + "format=csv";
    }
}
