package dev.bulwark.it;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shop's database: an in-memory H2 (its driver in WEB-INF/lib), defined by the application so that the same WAR
 * deploys on Liberty, Payara and WildFly without a server resource. Each deployment of the WAR has its own class
 * loader, hence its own database. The schema and seed come from persistence.xml.
 */
@ApplicationScoped
@DataSourceDefinition(name = "java:app/jdbc/shop", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1", user = "sa", password = "")
public class ShopDataSource {
}
