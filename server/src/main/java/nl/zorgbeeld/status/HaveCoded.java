package nl.zorgbeeld.status;

import java.util.Arrays;
import java.util.Optional;

/** A vocabulary entry with its EDXL-HAVE 2.0 counterpart (null when HAVE has none). */
interface HaveCoded {
    String have();

    static <E extends Enum<E> & HaveCoded> Optional<E> fromHave(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.have() != null && e.have().equalsIgnoreCase(value)).findFirst();
    }
}
