package lino.linod.site;

import java.sql.Connection;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/** A migration step written in Java over plain JDBC: what SQL alone cannot say on both Derby and PostgreSQL. */
abstract class JavaMigration implements CustomTaskChange {

    static Connection connection(Database database) {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor accessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
