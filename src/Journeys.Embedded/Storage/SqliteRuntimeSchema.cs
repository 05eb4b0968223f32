namespace Journeys.Embedded.Storage;

/// <summary>
/// Tables of the embedded runtime. Times are Unix milliseconds (UTC). Instance state is the stepper's JSON; the
/// columns beside it exist only to find instances: the active one of a (journey, profile), the ones due to wake.
/// </summary>
internal static class SqliteRuntimeSchema
{
    public static SqliteMigration Migration { get; } = new("0002-runtime", """
        CREATE TABLE instances (
            instance_id TEXT NOT NULL PRIMARY KEY,
            journey_id  TEXT NOT NULL,
            profile_id  TEXT NOT NULL,
            version     INTEGER NOT NULL,
            status      TEXT NOT NULL,
            wake_at     INTEGER,
            started_at  INTEGER NOT NULL,
            state       BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE UNIQUE INDEX instances_active ON instances (journey_id, profile_id) WHERE status = 'active';
        CREATE INDEX instances_profile ON instances (journey_id, profile_id, started_at);
        CREATE INDEX instances_wake ON instances (wake_at) WHERE wake_at IS NOT NULL;
        CREATE INDEX instances_status ON instances (journey_id, status);

        CREATE TABLE steps (
            instance_id TEXT NOT NULL,
            first_seq   INTEGER NOT NULL,
            events      BLOB NOT NULL,
            PRIMARY KEY (instance_id, first_seq)
        ) WITHOUT ROWID;

        CREATE TABLE work (
            work_id     INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL,
            journey_id  TEXT NOT NULL,
            version     INTEGER NOT NULL,
            command     BLOB NOT NULL,
            created_at  INTEGER NOT NULL
        );

        CREATE TABLE event_keys (
            event_id  TEXT NOT NULL,
            event_key TEXT NOT NULL,
            seen_at   INTEGER NOT NULL,
            PRIMARY KEY (event_id, event_key)
        ) WITHOUT ROWID;
        CREATE INDEX event_keys_seen ON event_keys (seen_at);

        CREATE TABLE exits (
            journey_id TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            exited_at  INTEGER NOT NULL,
            PRIMARY KEY (journey_id, profile_id)
        ) WITHOUT ROWID;

        CREATE TABLE counters (
            journey_id TEXT NOT NULL,
            version    INTEGER NOT NULL,
            node       TEXT NOT NULL,
            metric     TEXT NOT NULL,
            value      INTEGER NOT NULL,
            PRIMARY KEY (journey_id, version, node, metric)
        ) WITHOUT ROWID;

        CREATE TABLE runtime_meta (
            key   TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """);

    /// <summary>
    /// <c>instances_status</c> duplicated what the partial index <c>instances_active</c> already answers (active
    /// instances of a journey, the active count) and cost every instance write a fourth index entry (≈45 bytes).
    /// </summary>
    public static SqliteMigration LeanIndexes { get; } = new("0003-runtime-lean-indexes", """
        DROP INDEX IF EXISTS instances_status;
        """);
}
