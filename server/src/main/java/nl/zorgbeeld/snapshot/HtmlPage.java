package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.Institution;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.incident.RegieChange;
import nl.zorgbeeld.picture.Bullet;
import nl.zorgbeeld.picture.CasualtyCount;
import nl.zorgbeeld.picture.Decision;
import nl.zorgbeeld.picture.PictureView;
import nl.zorgbeeld.picture.PictureView.Section;
import nl.zorgbeeld.picture.PictureView.ThemeSection;
import nl.zorgbeeld.picture.Question;

/**
 * index.html: the whole picture as one page that opens from the file system with no server and no
 * internet. The text is written here (it reads and prints without script); the map is drawn by
 * the bundled Leaflet (leaflet/ beside the page) from the layers embedded in the page as GeoJSON.
 */
final class HtmlPage {
    private HtmlPage() {}

    static void write(Snapshot s, String countriesJson, OutputStream out) throws IOException {
        out.write(html(s, countriesJson).getBytes(StandardCharsets.UTF_8));
    }

    static String html(Snapshot s, String countriesJson) {
        Incident incident = s.incident();
        boolean exercise = incident.state().exercise();
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(exercise ? "OEFENING · " : "").append(esc(incident.state().title()))
                .append(" · Momentopname Zorgbeeld</title>\n")
                .append("<link rel=\"stylesheet\" href=\"leaflet/leaflet.css\">\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        if (exercise) h.append("<div class=\"oefening\" role=\"note\" id=\"oefening\">").append(Words.EXERCISE).append(" · ")
                .append(esc(Words.EXERCISE_NOTE)).append("</div>\n");
        header(h, s);
        List<Section> summarised = s.summarised();
        if (!summarised.isEmpty()) {
            // First, as on screen: what decision makers read before anything else.
            h.append("<section id=\"managementsamenvatting\" class=\"block\"><h2>Managementsamenvatting</h2>\n");
            for (Section section : summarised) {
                h.append("<h3>").append(esc(Words.pictureTitle(section))).append("</h3>\n");
                for (String paragraph : section.summary().text().split("\\n\\s*\\n")) h.append("<p>").append(esc(paragraph)).append("</p>\n");
                h.append("<p class=\"klein\">").append(esc(Words.summaryBy(section.summary()))).append("</p>\n");
            }
            h.append("</section>\n");
        }
        map(h, s);
        PictureView view = s.picture();
        for (Section section : view.pictures()) picture(h, section);
        decisions(h, view.decisions());
        questions(h, view.questions());
        analysis(h, s.analysis());
        footer(h, s);
        if (exercise) h.append("<div class=\"oefening\" role=\"note\">").append(Words.EXERCISE).append("</div>\n");
        data(h, s, countriesJson);
        h.append("<script src=\"leaflet/leaflet.js\"></script>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, Snapshot s) {
        Incident incident = s.incident();
        h.append("<header class=\"kop\">\n<p class=\"merk\">Zorgbeeld · momentopname</p>\n<h1 id=\"titel\">")
                .append(esc(incident.state().title())).append("</h1>\n<p class=\"feiten\">").append(esc(Words.facts(incident)));
        if (incident.state().regionCode() != null) {
            h.append(" · ").append(esc(s.region() != null ? s.region().name() : incident.state().regionCode()));
        }
        h.append("</p>\n<p class=\"moment\" id=\"moment\">Dit beeld toont de situatie van <strong>")
                .append(esc(DutchTime.full(s.shows()))).append("</strong>")
                .append(s.at() == null ? "" : " (een eerder moment, zo opgevraagd)").append(".</p>\n")
                .append("<p class=\"klein\">Momentopname gemaakt op ").append(esc(DutchTime.full(s.exportedAt())))
                .append(". Tijden in Nederlandse tijd (Europe/Amsterdam).</p>\n");
        h.append("<dl class=\"gegevens\">");
        dt(h, "Regie", Words.regie(incident));
        dt(h, "Gestart", DutchTime.brief(incident.state().startedAt()));
        dt(h, "Opgeschaald", DutchTime.brief(incident.state().scaledUpAt()));
        if (incident.state().locationText() != null) dt(h, "Locatie", incident.state().locationText());
        h.append("</dl>\n");
        if (s.regieHistory().size() > 1) {
            h.append("<p class=\"klein\">Regie eerder: ");
            List<RegieChange> earlier = s.regieHistory().subList(0, s.regieHistory().size() - 1);
            for (int i = 0; i < earlier.size(); i++) {
                RegieChange r = earlier.get(i);
                h.append(i == 0 ? "" : "; ").append(esc(r.person() + " (" + r.organisation() + ") vanaf " + DutchTime.brief(r.since())));
            }
            h.append("</p>\n");
        }
        String origin = Words.origin(incident);
        if (origin != null) h.append("<p class=\"herkomst\">").append(esc(origin)).append("</p>\n");
        h.append("</header>\n");
    }

    private static void map(StringBuilder h, Snapshot s) {
        h.append("<section class=\"block kaartblok\" aria-labelledby=\"kaartkop\"><h2 id=\"kaartkop\">Kaart</h2>\n")
                .append("<div class=\"kaartrij\"><div id=\"map\" role=\"region\" aria-label=\"Kaart\"></div>\n")
                .append("<div class=\"legenda\" id=\"legenda\"><h3>Legenda</h3><ul>\n");
        for (Layer layer : s.layers()) {
            if (layer.features().isEmpty()) continue;
            h.append("<li><span class=\"staal staal--").append(layer.name()).append("\" aria-hidden=\"true\"></span>")
                    .append(esc(layer.title())).append(" (").append(layer.features().size()).append(")</li>\n");
        }
        h.append("<li><span class=\"staal staal--hol\" aria-hidden=\"true\"></span>Niet aangesloten instelling (hol)</li>\n")
                .append("<li><span class=\"staal staal--onzeker\" aria-hidden=\"true\"></span>Niet gevalideerd (stippellijn)</li>\n")
                .append("</ul><p class=\"klein\">Kaart zonder internet getekend uit meegeleverde gegevens: landsgrenzen © Natural Earth,"
                        + " veiligheidsregio © CBS/Kadaster (CC BY 4.0).</p></div></div>\n")
                .append("<noscript><p>De kaart heeft JavaScript nodig; de lagen staan ook in lagen/ (GeoJSON) en lagen.gpkg.</p></noscript>\n")
                .append("</section>\n");
    }

    private static void picture(StringBuilder h, Section section) {
        h.append("<section class=\"block beeld\" data-picture=\"").append(section.picture().kind().code()).append("\">\n<h2>")
                .append(esc(Words.pictureTitle(section))).append("</h2>\n");
        CasualtyCount latest = section.casualties().latest();
        if (latest != null) {
            var c = latest.counts();
            h.append("<p class=\"slachtoffers\">Slachtoffers (geteld ").append(esc(DutchTime.brief(latest.countedAt()))).append("): T1 ")
                    .append(c.t1()).append(", T2 ").append(c.t2()).append(", T3 ").append(c.t3()).append(", dood ").append(c.dead())
                    .append(", onbekend ").append(c.unknown()).append(", totaal ").append(c.total()).append(". Bron: ")
                    .append(esc(latest.source())).append(", ").append(esc(latest.certainty().label().toLowerCase())).append(".</p>\n");
        }
        for (ThemeSection theme : section.themes()) {
            h.append("<article class=\"thema").append(theme.freshness() != null && theme.freshness().stale() ? " thema--verouderd" : "")
                    .append("\"><h3>").append(esc(theme.name())).append(" <span class=\"vers\">")
                    .append(esc(Words.freshness(theme.freshness()))).append("</span></h3>\n");
            if (theme.bullets().isEmpty()) {
                h.append("<p class=\"leeg\">Geen berichten.</p>\n");
            } else {
                h.append("<ul class=\"berichten\">\n");
                for (Bullet b : theme.bullets()) {
                    boolean validated = b.content().certainty() == nl.zorgbeeld.common.Certainty.GEVALIDEERD;
                    h.append("<li class=\"bericht").append(validated ? "" : " bericht--onzeker").append("\"><p>")
                            .append(esc(b.content().text())).append("</p><p class=\"meta\">Bron: ").append(esc(b.content().source()))
                            .append(" · <span class=\"zekerheid\">").append(esc(b.content().certainty().label())).append("</span> · ")
                            .append(esc(b.author())).append(" (").append(esc(b.organisation())).append(") · ")
                            .append(esc(DutchTime.brief(b.updatedAt()))).append("</p></li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static void decisions(StringBuilder h, List<Decision> decisions) {
        h.append("<section class=\"block\" id=\"besluiten\"><h2>Besluiten en acties</h2>\n");
        if (decisions.isEmpty()) {
            h.append("<p class=\"leeg\">Geen besluiten of acties.</p>\n</section>\n");
            return;
        }
        h.append("<table><thead><tr><th>Soort</th><th>Omschrijving</th><th>Eigenaar</th><th>Uiterlijk</th><th>Status</th>"
                + "<th>Vastgelegd</th></tr></thead><tbody>\n");
        for (Decision d : decisions) {
            var c = d.content();
            h.append("<tr><td>").append(esc(c.kind().label())).append("</td><td>").append(esc(c.description())).append("</td><td>")
                    .append(esc(c.owner())).append("</td><td>").append(esc(DutchTime.brief(c.deadline()))).append("</td><td>")
                    .append(esc(c.status().label())).append("</td><td>").append(esc(DutchTime.brief(d.updatedAt()) + ", " + d.author()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void questions(StringBuilder h, List<Question> questions) {
        h.append("<section class=\"block\" id=\"informatievragen\"><h2>Informatievragen</h2>\n");
        if (questions.isEmpty()) {
            h.append("<p class=\"leeg\">Geen informatievragen.</p>\n</section>\n");
            return;
        }
        h.append("<table><thead><tr><th>Vraag</th><th>Aan</th><th>Status</th><th>Antwoord</th><th>Vastgelegd</th></tr></thead><tbody>\n");
        for (Question q : questions) {
            var c = q.content();
            h.append("<tr><td>").append(esc(c.question())).append("</td><td>").append(esc(c.addressee())).append("</td><td>")
                    .append(esc(c.status().label())).append("</td><td>").append(esc(c.answer())).append("</td><td>")
                    .append(esc(DutchTime.brief(q.updatedAt()) + ", " + q.author())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    private static void analysis(StringBuilder h, Analysis analysis) {
        List<Analysis.Item> items = analysis.items();
        List<Analysis.Item> calls = analysis.callList();
        h.append("<section class=\"block\" id=\"netwerkanalyse\"><h2>Netwerkanalyse</h2>\n<p>")
                .append(items.size()).append(items.size() == 1 ? " geraakte zorginstelling" : " geraakte zorginstellingen")
                .append(", waarvan ").append(items.stream().filter(i -> !i.institution().connected()).count())
                .append(" niet aangesloten; ").append(calls.size()).append(" op de belronde.</p>\n");
        if (!items.isEmpty()) {
            h.append("<table><thead><tr><th>Zone</th><th>Afstand</th><th>Instelling</th><th>Type</th><th>Aangesloten</th><th>Status</th>"
                    + "</tr></thead><tbody>\n");
            for (Analysis.Item item : items) {
                Institution i = item.institution();
                h.append("<tr><td>").append(esc(item.affected().zone().label())).append("</td><td>")
                        .append(Math.round(item.affected().distance())).append(" m</td><td>").append(esc(i.name())).append("</td><td>")
                        .append(esc(Words.type(i.type()))).append("</td><td>").append(Words.yesNo(i.connected())).append("</td><td>")
                        .append(esc(item.status().status().label())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h3 id=\"belronde\">Belronde</h3>\n");
        if (calls.isEmpty()) {
            h.append("<p class=\"leeg\">Niemand te bellen.</p>\n");
        } else {
            h.append("<table><thead><tr><th>Instelling</th><th>Telefoon</th><th>E-mail</th><th>Adres</th><th>Zone</th><th>Status</th>"
                    + "</tr></thead><tbody>\n");
            for (Analysis.Item item : calls) {
                Institution i = item.institution();
                h.append("<tr><td>").append(esc(i.name())).append("</td><td>").append(esc(i.phone())).append("</td><td>")
                        .append(esc(i.email())).append("</td><td>").append(esc(i.address())).append("</td><td>")
                        .append(esc(item.affected().zone().label())).append("</td><td>").append(esc(item.status().status().label()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static void footer(StringBuilder h, Snapshot s) {
        h.append("<footer class=\"block klein\"><p>In deze momentopname: picture.pdf (om af te drukken), picture.json (het beeld als"
                + " gegevens, om in een andere Zorgbeeld in te lezen), lagen/*.geojson en lagen.gpkg (alle kaartlagen, voor QGIS),"
                + " netwerkanalyse.csv en belronde.csv.</p><p>Incident ").append(s.incident().id()).append(", versie ")
                .append(s.incident().version()).append(".</p></footer>\n");
    }

    /** The map's layers as GeoJSON inside the page; '<' escaped so no text can end the script element. */
    private static void data(StringBuilder h, Snapshot s, String countriesJson) {
        h.append("<script id=\"snapshot-data\" type=\"application/json\">{\"countries\":").append(countriesJson.replace("<", "\\u003c"))
                .append(",\"layers\":[");
        boolean first = true;
        for (Layer layer : s.layers()) {
            if (!first) h.append(',');
            first = false;
            h.append("{\"name\":\"").append(layer.name()).append("\",\"data\":")
                    .append(GeoJsonLayer.text(layer).replace("<", "\\u003c")).append('}');
        }
        h.append("]}</script>\n");
    }

    private static void dt(StringBuilder h, String term, String value) {
        h.append("<div><dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
    }

    static String esc(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b2631;margin:0;background:#f4f2ee}
            .oefening{background:#ffd400;color:#000;font-weight:800;text-align:center;padding:.5em;letter-spacing:.08em;font-size:1.2em;
              border-top:4px solid #000;border-bottom:4px solid #000}
            .kop,.block{max-width:1200px;margin:0 auto;padding:.75em 1.25em;background:#fff;border-bottom:1px solid #ddd}
            .merk{margin:0;color:#5b6670;font-size:.85em;text-transform:uppercase;letter-spacing:.06em}
            h1{margin:.1em 0;font-size:1.7em} h2{font-size:1.3em;margin:.4em 0;border-bottom:2px solid #2b3a4a}
            h3{font-size:1.05em;margin:.8em 0 .3em} .feiten{font-weight:600;margin:.2em 0}
            .moment{font-size:1.1em;background:#eef3f8;border-left:5px solid #0b4f8a;padding:.4em .6em}
            .klein{font-size:.85em;color:#4a545e} .herkomst{background:#fff4e5;border-left:5px solid #b4470a;padding:.4em .6em}
            .gegevens{display:flex;flex-wrap:wrap;gap:.2em 2em;margin:.4em 0} .gegevens dt{font-weight:600;display:inline}
            .gegevens dt::after{content:": "} .gegevens dd{display:inline;margin:0}
            .kaartrij{display:flex;gap:1em;align-items:flex-start} #map{flex:1;height:520px;border:1px solid #aaa;background:#cfe0ea}
            .legenda{width:260px;font-size:.9em} .legenda ul{list-style:none;padding:0;margin:0} .legenda li{margin:.25em 0}
            .staal{display:inline-block;width:22px;height:12px;margin-right:.5em;vertical-align:middle;border:2px solid #555}
            .staal--veiligheidsregio{border-color:#2b3a4a;background:none}
            .staal--incidentgebied{border-color:#6a1b9a;background:rgba(106,27,154,.1)}
            .staal--effectgebieden{border-color:#b4470a;background:#fd8d3c}
            .staal--afzettingen{border:none;border-top:4px dashed #1f2933;height:0}
            .staal--aantekeningen{border-color:#37474f;background:rgba(55,71,79,.15)}
            .staal--incidentlocatie{border-color:#fff;background:#6a1b9a;border-radius:50%;width:12px}
            .staal--opvanglocaties{border-color:#fff;background:#1b7f3b;width:12px}
            .staal--behandelcentra{border-color:#fff;background:#0b4f8a;border-radius:50%;width:12px}
            .staal--meetpunten{border-color:#fff;background:#00695c;transform:rotate(45deg);width:10px;height:10px}
            .staal--geraakte_instellingen{border-color:#1b2631;background:#c0392b;border-radius:50%;width:10px;height:10px}
            .staal--hol{border-color:#c0392b;background:#fff;border-radius:50%;width:10px;height:10px}
            .staal--onzeker{border-style:dotted;background:none}
            .thema{border-left:4px solid #c8d3dc;padding-left:.75em;margin:.6em 0} .thema--verouderd{border-left-color:#b4470a}
            .vers{font-size:.78em;font-weight:400;color:#4a545e;margin-left:.5em}
            .berichten{margin:.2em 0;padding-left:1.1em} .bericht p{margin:.1em 0} .meta{font-size:.82em;color:#4a545e}
            .bericht--onzeker .zekerheid{font-weight:700;color:#8a3a00} .leeg{color:#6b757f;font-style:italic}
            .slachtoffers{font-weight:600}
            table{border-collapse:collapse;width:100%;font-size:.9em} th,td{border:1px solid #c8d3dc;padding:.25em .4em;text-align:left;
              vertical-align:top} th{background:#eef3f8}
            @page{size:A4;margin:12mm}
            @media print{body{background:#fff;font-size:10.5pt}.kop,.block{max-width:none;border:none;padding:.3em 0}
              #map{height:120mm}.thema,tr{break-inside:avoid}.oefening{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    /** Draws the map from the embedded layers, in the styles of the app's own map; no tiles, nothing fetched. */
    private static final String SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('snapshot-data').textContent);
              var map = L.map('map', { zoomSnap: 0.25, attributionControl: false });
              window.snapshotMap = map;
              var zones = { LBW: ['#a50f15', '#e31a1c'], AGW: ['#b4470a', '#fd8d3c'], VRW: ['#9c7c00', '#ffe135'] };
              var points = { incidentlocatie: '#6a1b9a', opvanglocatie: '#1b7f3b', behandelcentrum: '#0b4f8a', meetpunt: '#00695c',
                aantekening: '#455a64' };
              function uncertain(p) { return p.certainty && p.certainty !== 'gevalideerd'; }
              function style(p) {
                var s;
                if (p.kind === 'effectgebied') {
                  var z = zones[p.zone] || ['#5d4037', '#a1887f'];
                  s = { color: z[0], fillColor: z[1], weight: 2, fillOpacity: 0.35 };
                } else if (p.kind === 'incidentgebied') {
                  s = { color: '#6a1b9a', weight: 3.5, fillColor: '#6a1b9a', fillOpacity: 0.06 };
                } else if (p.kind === 'afzetting') {
                  s = { color: '#1f2933', weight: 5, dashArray: '14 9', fill: false };
                } else {
                  s = { color: '#37474f', weight: 2, fillColor: '#37474f', fillOpacity: 0.08 };
                }
                if (uncertain(p)) { s.dashArray = '1 9'; s.weight = Math.max(s.weight, 4); }
                return s;
              }
              function popup(p) {
                var d = document.createElement('div');
                var lines = [p.label || p.name || p.kind, p.zoneLabel, p.source ? 'Bron: ' + p.source : null, p.certainty];
                lines.filter(Boolean).forEach(function (t) { var e = document.createElement('div'); e.textContent = t; d.appendChild(e); });
                return d;
              }
              L.geoJSON(data.countries, { interactive: false, style: function (f) {
                var nl = f.properties.iso_a2 === 'NL';
                return { color: '#8c8577', weight: nl ? 1.2 : 0.8, fillColor: nl ? '#fbfaf6' : '#e6e3dc', fillOpacity: 1 };
              } }).addTo(map);
              var focus = L.latLngBounds([]);
              var region = null;
              data.layers.forEach(function (layer) {
                if (!layer.data.features.length) return;
                var g;
                if (layer.name === 'veiligheidsregio') {
                  g = L.geoJSON(layer.data, { interactive: false, style: { color: '#2b3a4a', weight: 2, fill: false } });
                  region = g;
                } else if (layer.name === 'geraakte_instellingen') {
                  g = L.geoJSON(layer.data, { pointToLayer: function (f, ll) {
                    var hollow = !f.properties.connected;
                    return L.circleMarker(ll, { radius: 5, color: hollow ? '#c0392b' : '#1b2631', weight: hollow ? 2 : 1,
                      fillColor: hollow ? '#ffffff' : '#c0392b', fillOpacity: 1 });
                  }, onEachFeature: function (f, l) { l.bindPopup(popup(f.properties)); } });
                } else {
                  g = L.geoJSON(layer.data, {
                    style: function (f) { return f.geometry.type === 'Point' ? {} : style(f.properties); },
                    pointToLayer: function (f, ll) {
                      return L.circleMarker(ll, { radius: 8, color: '#ffffff', weight: 2, fillColor: points[f.properties.kind] || '#455a64',
                        fillOpacity: 1, dashArray: uncertain(f.properties) ? '2 3' : null });
                    },
                    onEachFeature: function (f, l) { l.bindPopup(popup(f.properties)); }
                  });
                  focus.extend(g.getBounds());
                }
                g.addTo(map);
                if (layer.name === 'geraakte_instellingen') focus.extend(g.getBounds());
              });
              if (focus.isValid()) map.fitBounds(focus.pad(0.15), { maxZoom: 15 });
              else if (region) map.fitBounds(region.getBounds());
              else map.fitBounds([[50.75, 3.36], [53.56, 7.23]]);
              L.control.scale({ metric: true, imperial: false }).addTo(map);
              document.body.setAttribute('data-map-ready', 'true');
            })();
            """;
}
