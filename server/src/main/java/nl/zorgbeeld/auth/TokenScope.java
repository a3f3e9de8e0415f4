package nl.zorgbeeld.auth;

import nl.zorgbeeld.common.Coded;

/** What an API token may do: only read (GET), or read and write. */
public enum TokenScope implements Coded {
    READ("read", "Alleen lezen"),
    READ_WRITE("read-write", "Lezen en schrijven");

    private final String code;
    private final String label;

    TokenScope(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() { return code; }

    @Override
    public String label() { return label; }
}
