package nl.zorgbeeld.picture;

/** The stores of the picture capability, each stateless SQL over a connection it is handed. */
public record PictureStores(PictureStore pictures, TemplateStore templates, BulletStore bullets, CasualtyStore casualties,
                            QuestionStore questions, DecisionStore decisions, SummaryStore summaries) {

    public static PictureStores create() {
        return new PictureStores(new PictureStore(), new TemplateStore(), new BulletStore(), new CasualtyStore(), new QuestionStore(),
                new DecisionStore(), new SummaryStore());
    }
}
