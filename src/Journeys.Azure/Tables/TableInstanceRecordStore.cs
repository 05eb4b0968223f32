using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Journeys.Durable;
using Journeys.Execution;
using Journeys.Orchestration;
using Journeys.Reporting;

namespace Journeys.Functions.Tables;

/// <summary>
/// <see cref="IInstanceRecordStore"/>: PartitionKey = the orchestration id of (journey, profile), so a profile's
/// runs in a journey and all their steps are one partition. Rows: <c>run|{runId}</c> (summary, replaced at each
/// step) and <c>step|{runId}|{sequence:D10}</c> (one step event each, added, never replaced: a second append of the
/// same step fails with 409, which is how a repeated activity is recognised).
/// </summary>
public sealed class TableInstanceRecordStore(JourneyTables tables) : IInstanceRecordStore
{
    private const int MaxActionsPerTransaction = 100;

    public async Task<bool> AppendAsync(StepRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(JourneyTables.Instances);
        var partition = InstanceIds.For(record.JourneyId, record.ProfileId);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, RunEntity(partition, record)) };
        actions.AddRange(record.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, StepEntity(partition, record.InstanceId, e))));

        var first = true;
        foreach (var chunk in actions.Chunk(MaxActionsPerTransaction))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (first)
                {
                    return false; // These steps are already there: the activity ran before.
                }
            }

            first = false;
        }

        return true;
    }

    public async Task<InstanceView?> GetLatestAsync(string journeyId, string profileId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Instances);
        var partition = InstanceIds.For(journeyId, profileId);
        var runs = new List<TableEntity>();
        var steps = new Dictionary<string, List<StepEvent>>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith("run|", StringComparison.Ordinal))
            {
                runs.Add(entity);
            }
            else if (JsonSerializer.Deserialize(entity.GetString("Event"), ExecutionJsonContext.Default.StepEvent) is { } stepEvent)
            {
                var runId = entity.GetString("RunId");
                (steps.TryGetValue(runId, out var list) ? list : steps[runId] = []).Add(stepEvent);
            }
        }

        if (runs.Count == 0)
        {
            return null;
        }

        var ordered = runs.OrderByDescending(r => r.GetDateTimeOffset("StartedAt")).ToList();
        var latest = ordered[0];
        var latestId = latest.GetString("RunId");
        return new InstanceView
        {
            Journey = journeyId,
            ProfileId = profileId,
            InstanceId = latestId,
            Version = latest.GetInt32("Version") ?? 0,
            Status = ParseEnum(latest.GetString("Status"), ExecutionJsonContext.Default.InstanceStatus),
            Node = latest.GetString("Node"),
            Waiting = ParseEnum(latest.GetString("Waiting"), ExecutionJsonContext.Default.WaitKind),
            WakeAt = latest.GetDateTimeOffset("WakeAt"),
            StartedAt = latest.GetDateTimeOffset("StartedAt") ?? default,
            EndedAt = latest.GetDateTimeOffset("EndedAt"),
            Steps = (steps.GetValueOrDefault(latestId) ?? []).OrderBy(s => s.Sequence).ToList(),
            Previous = ordered.Skip(1).Select(r => new InstanceSummary(
                r.GetString("RunId"),
                r.GetInt32("Version") ?? 0,
                ParseEnum(r.GetString("Status"), ExecutionJsonContext.Default.InstanceStatus),
                r.GetDateTimeOffset("StartedAt") ?? default,
                r.GetDateTimeOffset("EndedAt"))).ToList(),
        };
    }

    private static TableEntity RunEntity(string partition, StepRecord record)
    {
        var entity = new TableEntity(partition, "run|" + record.InstanceId)
        {
            ["RunId"] = record.InstanceId,
            ["Version"] = record.Version,
            ["Status"] = EnumName(record.Status, ExecutionJsonContext.Default.InstanceStatus),
            ["Waiting"] = EnumName(record.Waiting, ExecutionJsonContext.Default.WaitKind),
            ["StartedAt"] = record.StartedAt,
        };

        // Absent rather than null: the entity is replaced whole at each step, so a cleared value disappears.
        if (record.Node is { } node)
        {
            entity["Node"] = node;
        }

        if (record.WakeAt is { } wakeAt)
        {
            entity["WakeAt"] = wakeAt;
        }

        if (record.EndedAt is { } endedAt)
        {
            entity["EndedAt"] = endedAt;
        }

        return entity;
    }

    private static TableEntity StepEntity(string partition, string runId, StepEvent stepEvent) =>
        new(partition, "step|" + runId + "|" + stepEvent.Sequence.ToString("D10", CultureInfo.InvariantCulture))
        {
            ["RunId"] = runId,
            ["Event"] = Encoding.UTF8.GetString(ExecutionJson.Serialize(stepEvent)),
        };

    private static string EnumName<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Serialize(value, typeInfo).Trim('"');

    private static T ParseEnum<T>(string? name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize("\"" + name + "\"", typeInfo)!;
}
