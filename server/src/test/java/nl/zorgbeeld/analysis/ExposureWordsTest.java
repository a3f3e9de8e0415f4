package nl.zorgbeeld.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Distances and compass directions in the words "Mijn blootstelling" uses. */
class ExposureWordsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 m", "349.6|350 m", "999.4|999 m", "999.5|1 km", "1800|1,8 km", "1849|1,8 km", "2000|2 km", "9940|9,9 km",
        "9960|10 km", "20400|20 km",
    })
    void distances(double metres, String words) {
        assertEquals(words, DutchWords.distance(metres));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|noorden", "22.4|noorden", "22.5|noordoosten", "90|oosten", "135|zuidoosten", "180|zuiden", "225|zuidwesten",
        "270|westen", "315|noordwesten", "337.4|noordwesten", "337.5|noorden", "359.9|noorden", "-45|noordwesten", "405|noordoosten",
    })
    void directions(double bearing, String words) {
        assertEquals(words, DutchWords.direction(bearing));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|1|0", "1|0|90", "0|-1|180", "-1|-1|225", "-1|1|315"})
    void bearingsAreClockwiseFromNorth(double dx, double dy, double degrees) {
        assertEquals(degrees, DutchWords.bearing(0, 0, dx, dy), 1e-9);
    }
}
