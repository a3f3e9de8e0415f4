package nl.zorgbeeld.importer;

/** A source that cannot be read at all (not a single bad row): nothing of it is stored. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
