package nl.zorgbeeld.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The real test database behind a gate: while the gate is shut, asking for a connection fails as it
 * would while the database is away, so a test can hold one app instance off the database while
 * another goes on writing, and then let it back.
 */
public final class GatedDataSource implements DataSource {
    private final DataSource real;
    private volatile boolean open = true;

    public GatedDataSource(DataSource real) {
        this.real = real;
    }

    public void shut() {
        open = false;
    }

    public void open() {
        open = true;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!open) throw new SQLException("the test holds this instance off the database", "08001");
        return real.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (!open) throw new SQLException("the test holds this instance off the database", "08001");
        return real.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException { return real.getLogWriter(); }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException { real.setLogWriter(out); }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException { real.setLoginTimeout(seconds); }

    @Override
    public int getLoginTimeout() throws SQLException { return real.getLoginTimeout(); }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException { return real.getParentLogger(); }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException { return real.unwrap(iface); }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException { return real.isWrapperFor(iface); }
}
