using System.Text.Json;
using Journeys.Engine;
using Journeys.Ingestion;
using Journeys.Reporting;
using Journeys.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Journeys.Host.Serving;

/// <summary>
/// The runtime of a host that has no journey engine registered: the management API works, ingestion, reports and
/// instances answer 503, and health reports whether the database answers.
/// </summary>
public sealed class UnavailableRuntime(SqliteDatabase database) : IJourneyRuntime
{
    public const string Message = "The journey engine is not running in this host: ingestion, reports and instances are unavailable.";

    public Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken = default) =>
        throw new EngineUnavailableException(Message);

    public Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default) =>
        throw new EngineUnavailableException(Message);

    public Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default) =>
        throw new EngineUnavailableException(Message);

    /// <summary>The process is alive, so the status is <c>ok</c> when the database answers; the detail says the engine is missing.</summary>
    public async Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            await command.ExecuteScalarAsync(cancellationToken);
            return new HealthReport("ok", true, Message);
        }
        catch (SqliteException)
        {
            return new HealthReport("unavailable", false, "The database does not answer.");
        }
    }
}
