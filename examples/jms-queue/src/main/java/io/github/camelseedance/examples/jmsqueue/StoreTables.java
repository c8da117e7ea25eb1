package io.github.camelseedance.examples.jmsqueue;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Creates the store's tables when missing, also when several workers start on an empty database at once. */
final class StoreTables {

    private StoreTables() {}

    /**
     * Runs a {@code CREATE TABLE IF NOT EXISTS}, twice if needed: PostgreSQL lets two concurrent creations of one table
     * both pass the existence check, and the later one then fails on the catalog's unique index; by the time it fails
     * the other has committed, so the second attempt finds the table.
     */
    static void create(JdbcTemplate jdbc, String createIfNotExists) {
        try {
            jdbc.execute(createIfNotExists);
        } catch (DataAccessException raced) {
            jdbc.execute(createIfNotExists);
        }
    }
}
