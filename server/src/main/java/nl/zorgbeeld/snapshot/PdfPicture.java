package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import nl.zorgbeeld.analysis.Analysis;
import nl.zorgbeeld.analysis.Institution;
import nl.zorgbeeld.common.Certainty;
import nl.zorgbeeld.incident.Incident;
import nl.zorgbeeld.picture.Bullet;
import nl.zorgbeeld.picture.CasualtyCount;
import nl.zorgbeeld.picture.Decision;
import nl.zorgbeeld.picture.PictureKind;
import nl.zorgbeeld.picture.PictureView.Section;
import nl.zorgbeeld.picture.PictureView.ThemeSection;
import nl.zorgbeeld.picture.Question;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** picture.pdf: the same picture as the offline page, laid out for A4 paper, with the map drawn as vector paths. */
final class PdfPicture {
    private static final float MAP_HEIGHT = 330;

    private PdfPicture() {}

    static void write(Snapshot s, OutputStream out) throws IOException {
        Incident incident = s.incident();
        try (TrueTypeFont ttf = PdfPages.font(); PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle((incident.state().exercise() ? "OEFENING · " : "") + incident.state().title() + " · momentopname");
            info.setCreator("Zorgbeeld");
            String head = "Zorgbeeld · momentopname van " + DutchTime.brief(s.shows()) + " · " + incident.state().title();
            try (PdfPages pages = new PdfPages(document, ttf, head, incident.state().exercise())) {
                header(pages, s);
                map(pages, s);
                if (!s.summarised().isEmpty()) pages.heading("Managementsamenvatting", 14);
                for (Section section : s.summarised()) {
                    pages.heading(Words.pictureTitle(section), 11);
                    pages.paragraph(section.summary().text(), 10, false, 0);
                    pages.paragraph(Words.summaryBy(section.summary()), 8, false, 0);
                }
                for (Section section : s.picture().pictures()) picture(pages, section);
                decisions(pages, s.picture().decisions());
                questions(pages, s.picture().questions());
                analysis(pages, s.analysis());
            }
            document.save(out);
        }
    }

    private static void header(PdfPages p, Snapshot s) throws IOException {
        Incident incident = s.incident();
        p.paragraph(incident.state().title(), 18, true, 0);
        p.paragraph(Words.facts(incident) + (s.region() != null ? " · " + s.region().name() : ""), 11, true, 0);
        p.paragraph("Dit beeld toont de situatie van " + DutchTime.full(s.shows()) + (s.at() == null ? "" : " (een eerder moment, zo opgevraagd)")
                + ".", 11, false, 0);
        p.gray(true);
        p.paragraph("Regie: " + Words.regie(incident) + " · gestart " + DutchTime.brief(incident.state().startedAt())
                + " · opgeschaald " + DutchTime.brief(incident.state().scaledUpAt())
                + (incident.state().locationText() == null ? "" : " · " + incident.state().locationText()), 9, false, 0);
        p.paragraph("Momentopname gemaakt op " + DutchTime.full(s.exportedAt()) + ". Tijden in Nederlandse tijd (Europe/Amsterdam).", 9, false, 0);
        String origin = Words.origin(incident);
        if (origin != null) p.paragraph(origin, 9, false, 0);
        p.gray(false);
        p.gap(6);
    }

    private static void map(PdfPages p, Snapshot s) throws IOException {
        p.need(MAP_HEIGHT + 60);
        float top = p.y();
        new PdfMap(p, PdfPages.MARGIN, top - MAP_HEIGHT, PdfPages.WIDTH - 2 * PdfPages.MARGIN, MAP_HEIGHT).draw(s.layers());
        p.advance(MAP_HEIGHT + 4);
        StringBuilder legend = new StringBuilder("Legenda: ");
        boolean first = true;
        for (Layer layer : s.layers()) {
            if (layer.features().isEmpty()) continue;
            legend.append(first ? "" : "; ").append(layer.title()).append(" (").append(layer.features().size()).append(")");
            first = false;
        }
        legend.append(". Effectgebieden LBW rood, AGW oranje, VRW geel; incidentgebied paars; afzettingen gestreept;"
                + " geraakte instellingen rood, niet aangesloten hol; stippellijn: niet gevalideerd."
                + " Kaart zonder internet getekend in RD New; landsgrenzen © Natural Earth, veiligheidsregio © CBS/Kadaster.");
        p.gray(true);
        p.paragraph(legend.toString(), 8, false, 0);
        p.gray(false);
    }

    private static void picture(PdfPages p, Section section) throws IOException {
        p.heading(Words.pictureTitle(section), 14);
        CasualtyCount latest = section.casualties().latest();
        if (latest != null) {
            var c = latest.counts();
            p.paragraph("Slachtoffers (geteld " + DutchTime.brief(latest.countedAt()) + "): T1 " + c.t1() + ", T2 " + c.t2() + ", T3 "
                    + c.t3() + ", dood " + c.dead() + ", onbekend " + c.unknown() + ", totaal " + c.total() + ". Bron: " + latest.source()
                    + ", " + latest.certainty().label().toLowerCase() + ".", 10, true, 0);
        }
        for (ThemeSection theme : section.themes()) {
            p.need(40);
            p.gap(3);
            p.paragraph(theme.name() + "   (" + Words.freshness(theme.freshness()) + ")", 11.5f, true, 0);
            if (theme.bullets().isEmpty()) {
                p.gray(true);
                p.paragraph("Geen berichten.", 9.5f, false, 10);
                p.gray(false);
            }
            for (Bullet b : theme.bullets()) {
                p.paragraph("• " + b.content().text(), 10, false, 8);
                p.gray(true);
                boolean validated = b.content().certainty() == Certainty.GEVALIDEERD;
                p.paragraph("Bron: " + b.content().source() + " · " + (validated ? "" : "LET OP: ") + b.content().certainty().label()
                        + " · " + b.author() + " (" + b.organisation() + ") · " + DutchTime.brief(b.updatedAt()), 8, !validated, 18);
                p.gray(false);
            }
        }
    }

    private static void decisions(PdfPages p, List<Decision> decisions) throws IOException {
        p.heading("Besluiten en acties", 14);
        if (decisions.isEmpty()) p.paragraph("Geen besluiten of acties.", 10, false, 0);
        for (Decision d : decisions) {
            var c = d.content();
            p.paragraph(c.kind().label() + ": " + c.description(), 10, false, 0);
            p.gray(true);
            p.paragraph("Eigenaar " + c.owner() + (c.deadline() == null ? "" : " · uiterlijk " + DutchTime.brief(c.deadline())) + " · "
                    + c.status().label() + " · " + d.author() + ", " + DutchTime.brief(d.updatedAt()), 8, false, 10);
            p.gray(false);
        }
    }

    private static void questions(PdfPages p, List<Question> questions) throws IOException {
        p.heading("Informatievragen", 14);
        if (questions.isEmpty()) p.paragraph("Geen informatievragen.", 10, false, 0);
        for (Question q : questions) {
            var c = q.content();
            p.paragraph(c.question() + " (aan " + c.addressee() + ", " + c.status().label().toLowerCase() + ")", 10, false, 0);
            if (c.answer() != null) p.paragraph("Antwoord: " + c.answer(), 9, false, 10);
        }
    }

    private static void analysis(PdfPages p, Analysis analysis) throws IOException {
        List<Analysis.Item> items = analysis.items();
        List<Analysis.Item> calls = analysis.callList();
        p.heading("Netwerkanalyse", 14);
        p.paragraph(items.size() + (items.size() == 1 ? " geraakte zorginstelling" : " geraakte zorginstellingen") + ", waarvan "
                + items.stream().filter(i -> !i.institution().connected()).count() + " niet aangesloten; " + calls.size()
                + " op de belronde.", 10, false, 0);
        for (Analysis.Item item : items) {
            Institution i = item.institution();
            p.paragraph(item.affected().zone().label() + " · " + Math.round(item.affected().distance()) + " m · " + i.name() + " · "
                    + Words.type(i.type()) + " · " + (i.connected() ? "aangesloten" : "niet aangesloten") + " · "
                    + item.status().status().label(), 9, false, 0);
        }
        p.heading("Belronde", 12);
        if (calls.isEmpty()) p.paragraph("Niemand te bellen.", 10, false, 0);
        for (Analysis.Item item : calls) {
            Institution i = item.institution();
            p.paragraph(i.name() + " · tel. " + (i.phone() == null ? "onbekend" : i.phone())
                    + (i.email() == null ? "" : " · " + i.email()) + " · " + item.affected().zone().label(), 9.5f, true, 0);
            if (!i.address().isEmpty()) p.paragraph(i.address(), 8.5f, false, 10);
        }
    }
}
