package nl.zorgbeeld.importer;

import java.sql.SQLException;

/** Stores the records of one source into one layer, inside the caller's transaction. */
interface RecordLoader {
    /** Stores one record, or reports it as rejected with its reason. */
    void load(SourceRecord record) throws SQLException;

    /** Called once after the last record. */
    void finish() throws SQLException;

    /** How many records were stored. */
    int stored();
}
