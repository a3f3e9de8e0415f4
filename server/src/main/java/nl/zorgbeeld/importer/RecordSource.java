package nl.zorgbeeld.importer;

import java.util.Iterator;

/** A readable source of records: a file or an OGC API collection. Read once, then closed. */
public interface RecordSource extends Iterator<SourceRecord>, AutoCloseable {
    /** A short name used to recognise the layer (file name or collection id). */
    String name();

    /** The full location, recorded as the layer's source. */
    String location();

    @Override
    void close();
}
