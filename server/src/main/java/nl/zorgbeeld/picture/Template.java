package nl.zorgbeeld.picture;

import java.util.List;

/**
 * A set of ordered themes that pictures are built from. {@code version} counts every change to the
 * template or its themes and is the ETag for changing them. {@code defaultFor} is the kind of
 * picture that gets this template unless another is chosen (null for other templates).
 */
public record Template(long id, String name, PictureKind defaultFor, int version, List<Theme> themes) {}
