package nl.zorgbeeld.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * A very small flowing-text layout on A4 pages for the PDF: wrapped paragraphs, headings, a
 * running head (with the OEFENING banner on every page of an exercise) and page numbers. One
 * embedded font (Liberation Sans, which PDFBox ships) covers Dutch and most European text;
 * characters it lacks print as '?', never as an error. Bold is the same font filled and stroked.
 * The font's glyph substitutions (ligatures) are off: PDFBox applies them with a regular expression
 * compiled per line shown, which made a 1,000-bullet PDF take seconds instead of a fraction of one.
 */
final class PdfPages implements AutoCloseable {
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 40;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document;
    private final PDType0Font font;
    private final String runningHead;
    private final boolean exercise;
    private final Map<Integer, Boolean> known = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private static final float[] BLACK = {0f, 0f, 0f};
    private static final float[] GRAY = {0.29f, 0.33f, 0.37f};
    private PDPageContentStream content;
    private float y;
    private float[] ink = BLACK;

    /** Liberation Sans without glyph substitution; the caller keeps it open until the document is saved (the subset is made then). */
    static TrueTypeFont font() throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(FONT)) {
            if (in == null) throw new IllegalStateException("PDFBox's font " + FONT + " is missing");
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            return ttf;
        }
    }

    PdfPages(PDDocument document, TrueTypeFont ttf, String runningHead, boolean exercise) throws IOException {
        this.document = document;
        this.font = PDType0Font.load(document, ttf, true);
        this.runningHead = runningHead;
        this.exercise = exercise;
        newPage();
    }

    PDPageContentStream content() {
        return content;
    }

    float y() {
        return y;
    }

    /** Moves the cursor down after something drawn directly (the map). */
    void advance(float height) {
        y -= height;
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    void need(float height) throws IOException {
        if (y - height < MARGIN + 14) newPage();
    }

    void newPage() throws IOException {
        if (content != null) content.close();
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        y = HEIGHT - MARGIN;
        if (exercise) {
            content.setNonStrokingColor(1f, 0.83f, 0f);
            content.addRect(MARGIN, y - 20, WIDTH - 2 * MARGIN, 22);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            line(Words.EXERCISE + " · " + Words.EXERCISE_NOTE, MARGIN + 6, y - 14, 10, true);
            y -= 30;
        }
        content.setNonStrokingColor(0.36f, 0.4f, 0.44f);
        line(runningHead, MARGIN, y - 8, 8, false);
        content.setNonStrokingColor(ink[0], ink[1], ink[2]);
        y -= 20;
    }

    void heading(String text, float size) throws IOException {
        need(size * 2.6f);
        y -= size * 0.6f;
        paragraph(text, size, true, 0);
        content.setStrokingColor(0.17f, 0.23f, 0.29f);
        content.setLineWidth(size > 13 ? 1.2f : 0.5f);
        content.moveTo(MARGIN, y - 3);
        content.lineTo(WIDTH - MARGIN, y - 3);
        content.stroke();
        y -= 7;
    }

    /** Wrapped text; each line a new page when it does not fit. */
    void paragraph(String text, float size, boolean bold, float indent) throws IOException {
        float width = WIDTH - 2 * MARGIN - indent;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            for (String l : wrap(safe(raw), size, width)) {
                need(size * 1.35f);
                y -= size * 1.3f;
                line(l, MARGIN + indent, y, size, bold);
            }
        }
    }

    void gap(float height) {
        y -= height;
    }

    void gray(boolean on) throws IOException {
        ink = on ? GRAY : BLACK;
        content.setNonStrokingColor(ink[0], ink[1], ink[2]);
    }

    /** One line at a position, for labels on the map and in the legend. */
    void line(String text, float x, float baseline, float size, boolean bold) throws IOException {
        content.beginText();
        content.setFont(font, size);
        if (bold) {
            content.setRenderingMode(RenderingMode.FILL_STROKE);
            content.setLineWidth(size * 0.035f);
            content.setStrokingColor(ink[0], ink[1], ink[2]);
        } else {
            content.setRenderingMode(RenderingMode.FILL);
        }
        content.newLineAtOffset(x, baseline);
        content.showText(safe(text));
        content.endText();
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(safe(text)) / 1000 * size;
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (current.isEmpty() || font.getStringWidth(candidate) / 1000 * size <= width) {
                current.setLength(0);
                current.append(candidate);
                // A single word wider than the line is cut where it must be.
                while (font.getStringWidth(current.toString()) / 1000 * size > width && current.length() > 1) {
                    int cut = current.length() - 1;
                    while (cut > 1 && font.getStringWidth(current.substring(0, cut)) / 1000 * size > width) cut--;
                    lines.add(current.substring(0, cut));
                    current.delete(0, cut);
                }
            } else {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    /** The text with every character the font cannot show (and every control character) replaced. */
    private String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') cp = ' ';
            if (Character.isISOControl(cp)) return;
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
            out.appendCodePoint(ok ? cp : '?');
        });
        return out.toString();
    }

    /** Numbers the pages ("pagina 2 van 9") and closes the last one. */
    @Override
    public void close() throws IOException {
        content.close();
        int n = pages.size();
        for (int i = 0; i < n; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                PDPageContentStream saved = content;
                content = footer;
                footer.setNonStrokingColor(0.36f, 0.4f, 0.44f);
                String text = "pagina " + (i + 1) + " van " + n;
                line(text, WIDTH - MARGIN - width(text, 8), MARGIN - 16, 8, false);
                content = saved;
            }
        }
    }
}
