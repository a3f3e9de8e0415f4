package nl.zorgbeeld.picture;

import nl.zorgbeeld.common.Certainty;

/** The fields an edit of a bullet names; null means "leave as it is". */
public record BulletEdit(Long themeId, String text, String source, Certainty certainty) {

    public BulletContent applyTo(BulletContent c) {
        return new BulletContent(themeId != null ? themeId : c.themeId(), text != null ? text : c.text(),
                source != null ? source : c.source(), certainty != null ? certainty : c.certainty());
    }
}
