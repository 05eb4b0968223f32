using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Tables;

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

    public async Task<IReadOnlyList<InstanceRun>> ReadRunsAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Instances);
        var partition = InstanceIds.For(journeyId, profileId);

        // Run rows sort before step rows ("run|" < "step|"), so this range holds the summaries only.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"run|"} and RowKey lt {"run}"}");
        var runs = new List<InstanceRun>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            runs.Add(new InstanceRun(
                entity.GetString("RunId"),
                entity.GetInt32("Version") ?? 0,
                ParseEnum(entity.GetString("Status"), ExecutionJsonContext.Default.InstanceStatus),
                entity.GetString("Node"),
                ParseEnum(entity.GetString("Waiting"), ExecutionJsonContext.Default.WaitKind),
                entity.GetDateTimeOffset("WakeAt"),
                entity.GetDateTimeOffset("StartedAt") ?? default,
                entity.GetDateTimeOffset("EndedAt")));
        }

        return runs.OrderByDescending(r => r.StartedAt).Take(limit).ToList();
    }

    public async Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string journeyId, string profileId, string instanceId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Instances);
        var partition = InstanceIds.For(journeyId, profileId);
        var prefix = "step|" + instanceId + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var steps = new List<StepEvent>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize(entity.GetString("Event"), ExecutionJsonContext.Default.StepEvent) is { } stepEvent)
            {
                steps.Add(stepEvent);
            }
        }

        return steps.OrderBy(s => s.Sequence).ToList();
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
