package nl.zorgbeeld.element;

/**
 * Told after a change of an incident's picture elements has been committed, so that other parts of
 * the app (the network analysis) follow the picture without this package knowing them. Called on the
 * writing request's thread: an implementation returns quickly (it hands longer work to a thread of
 * its own) and must not throw, since the change has been made.
 */
@FunctionalInterface
public interface ElementListener {
    ElementListener NONE = change -> { };

    void committed(ElementChange change);
}
