package nl.zorgbeeld.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.zorgbeeld.analysis.AnalysisViews.AffectedView;
import nl.zorgbeeld.common.Actor;
import nl.zorgbeeld.common.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The institutions written field by field are exactly what the app's mapping makes of the same views. */
class AnalysisJsonTest {
    static List<Analysis.Item> items() {
        Institution full = new Institution("vvt:1", "Zorgcentrum \"De Ée\" \u2013 Noord\\Zuid", "vvt", "Zorggroep Één", false, "VR09",
                "Utrecht", "030 123 45 67", "zorg@example.nl", "Dijk", "1a", "1234 AB", "Zee", 136_000.5, 456_000.25, 5.1034700014, 52.0683500039);
        Institution sparse = new Institution("ziekenhuis:2", "Ziekenhuis", "ziekenhuis", null, true, null, null, null, null, null, null,
                null, null, 0, 0, 4.0, 52.0);
        Hazard zone = new Hazard(UUID.fromString("55d80689-3e97-47a5-9d84-893a63d9eddb"), 7, 3, Hazard.EFFECT, "Pluim", "AGW", null);
        Hazard location = new Hazard(UUID.randomUUID(), 8, 1, Hazard.LOCATION, null, null, null);
        Stakeholder recorded = new Stakeholder("vvt:1", "Zorgcentrum", StakeholderStatus.GEINFORMEERD, "Gebeld, ramen dicht", 2,
                OffsetDateTime.of(2026, 11, 23, 10, 15, 30, 123_000_000, ZoneOffset.ofHours(1)), new Actor("Hanna", "GHOR"));
        return List.of(
                new Analysis.Item(new Affected(full, Zone.AGW, zone, 0), recorded, true),
                new Analysis.Item(new Affected(sparse, Zone.ring(1000), location, 812.3456), Stakeholder.initial("ziekenhuis:2", "Ziekenhuis"), false),
                new Analysis.Item(new Affected(sparse, Zone.effect("pluim west"), zone, 1e-7), Stakeholder.initial("ziekenhuis:2", "Z"), false));
    }

    @ParameterizedTest
    @MethodSource("items")
    void writtenByHandAsTheMappingWritesIt(Analysis.Item item) throws IOException {
        AffectedView view = AffectedView.of(item);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            AnalysisJson.item(g, view);
        }
        assertEquals(Json.MAPPER.writeValueAsString(view), out.toString(StandardCharsets.UTF_8));
    }
}
