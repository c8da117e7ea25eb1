package io.github.camelseedance.examples.jmsqueue;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Videos generated but not yet known to be delivered (table {@value #TABLE}): saved before the result is sent, so a
 * rolled-back request's redelivery is answered from here instead of paying again; deleted once recorded as answered.
 */
public final class ResultStore extends ServiceSupport {

    static final String TABLE = "SEEDANCE_GENERATED";
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "requestId VARCHAR(100) PRIMARY KEY, result TEXT NOT NULL, createdAt TIMESTAMP WITH TIME ZONE NOT NULL)";

    private final JdbcTemplate jdbc;

    public ResultStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    protected void doStart() {
        StoreTables.create(jdbc, CREATE_TABLE);
    }

    public Optional<ResultMessage> find(String requestId) {
        List<String> rows =
                jdbc.queryForList("SELECT result FROM " + TABLE + " WHERE requestId = ?", String.class, requestId);
        return rows.stream().findFirst().map(ResultMessage::fromJson);
    }

    /** Saves the result, replacing a row of an earlier attempt (only the claim holder writes). */
    public void save(ResultMessage result) {
        jdbc.update(
                "INSERT INTO " + TABLE + " (requestId, result, createdAt) VALUES (?, ?, ?) ON CONFLICT (requestId) "
                        + "DO UPDATE SET result = EXCLUDED.result, createdAt = EXCLUDED.createdAt",
                result.requestId(),
                result.toJson(),
                new Timestamp(System.currentTimeMillis()));
    }

    public void delete(String requestId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE requestId = ?", requestId);
    }
}
