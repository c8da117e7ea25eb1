package io.github.camelseedance.examples.jmsqueue;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Videos generated but not yet known to be delivered (table {@value #TABLE}): saved before the result is sent, so a
 * rolled-back request's redelivery is answered from here instead of paying again; deleted once recorded as answered.
 */
public final class ResultStore extends ServiceSupport {

    static final String TABLE = "SEEDANCE_GENERATED";
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "requestId VARCHAR(100) PRIMARY KEY, result VARCHAR(8000) NOT NULL, createdAt TIMESTAMP NOT NULL)";

    private final JdbcTemplate jdbc;

    public ResultStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    protected void doStart() {
        jdbc.execute(CREATE_TABLE);
    }

    public Optional<ResultMessage> find(String requestId) {
        List<String> rows =
                jdbc.queryForList("SELECT result FROM " + TABLE + " WHERE requestId = ?", String.class, requestId);
        return rows.stream().findFirst().map(ResultMessage::fromJson);
    }

    public void save(ResultMessage result) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try {
            jdbc.update(
                    "INSERT INTO " + TABLE + " (requestId, result, createdAt) VALUES (?, ?, ?)",
                    result.requestId(),
                    result.toJson(),
                    now);
        } catch (DuplicateKeyException e) {
            // only the claim holder writes, so this is a row of its own earlier attempt
            jdbc.update(
                    "UPDATE " + TABLE + " SET result = ?, createdAt = ? WHERE requestId = ?",
                    result.toJson(),
                    now,
                    result.requestId());
        }
    }

    public void delete(String requestId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE requestId = ?", requestId);
    }
}
