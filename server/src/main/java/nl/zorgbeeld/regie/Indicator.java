package nl.zorgbeeld.regie;

import java.util.List;

/**
 * One picture-quality indicator.
 *
 * @param key        stable name, used in the CSV export across years
 * @param label      what it measures, in Dutch
 * @param question   the Staat van Netcentrisch Werken topic it answers (in this project's words)
 * @param value      the figure: a share (fraction 0..1), a number of minutes, a count, or true/false; null when nothing is measurable yet
 * @param unit       {@code share}, {@code minutes}, {@code count} or {@code boolean}
 * @param norm       the norm the value is held against (null: informative only)
 * @param comparison how the value must relate to the norm: {@code <=}, {@code >=} or {@code =} (null without a norm)
 * @param meetsNorm  null without a norm or while undecided
 * @param items      what is behind the figure, each naming the item (with its API path where it has one)
 */
public record Indicator(String key, String label, String question, Object value, String unit, Object norm, String comparison,
                        Boolean meetsNorm, List<java.util.Map<String, Object>> items) {}
