using System.Globalization;
using System.Text;
using Journeys.Azure.Durable;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>The measurement as Markdown tables: per entrant, the requests by kind per entrant, and the idle engine's requests per minute.</summary>
public static class DurableWorkReport
{
    private static readonly string[] ActivityColumns = [ActivityNames.LoadJourney, ActivityNames.FetchData, ActivityNames.CallAction, ActivityNames.RecordSteps, ActivityNames.Jump];

    public static string Format(IReadOnlyList<SampleWork> samples, IdleWork? idle)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var text = new StringBuilder();
        text.AppendLine("Per entrant (mean over the entrants of each sample; storage requests of role Work only):").AppendLine();
        text.AppendLine("| sample (entrants) | activities | load / fetch / action / record / jump | timers | episodes | events in | ingestion: Durable client | ingestion: app tables | Durable queue | Durable table | Durable blob | activities: app tables | **storage requests** |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var sample in samples)
        {
            var split = string.Join(" / ", ActivityColumns.Select(name => Number(sample.PerEntrant(sample.Activities.GetValueOrDefault(name)))));
            string Requests(Func<StorageRequestKind, bool> which) => Number(sample.PerEntrant(sample.WorkRequests(which)));
            var cells = new[]
            {
                $"{sample.Workload.Journey} ({sample.Entrants})",
                Number(sample.PerEntrant(sample.Activities.Values.Sum())),
                split,
                Number(sample.PerEntrant(sample.Timers)),
                Number(sample.PerEntrant(sample.Episodes)),
                Number(sample.PerEntrant(sample.EventsDelivered)),
                Requests(kind => kind.Caller == StorageCaller.DurableClient),
                Requests(kind => kind.Caller == StorageCaller.AppIngestion),
                Requests(kind => kind.Caller == StorageCaller.Durable && kind.Service == StorageService.Queue),
                Requests(kind => kind.Caller == StorageCaller.Durable && kind.Service == StorageService.Table),
                Requests(kind => kind.Caller == StorageCaller.Durable && kind.Service == StorageService.Blob),
                Requests(kind => kind.Caller == StorageCaller.AppActivities),
                $"**{Requests(_ => true)}**",
            };
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        text.AppendLine().AppendLine("Paths taken, and the run:").AppendLine();
        foreach (var sample in samples)
        {
            text.AppendLine(Invariant($"- {sample.Workload.Journey}: {sample.Workload.Mix}. {sample.Duration.TotalSeconds:0} s; ContinueAsNew {sample.ContinuedAsNew}, abandoned work items {sample.Abandoned}; requests during the run that are not per entrant: polling {sample.RequestsOf(StorageRequestRole.Polling)}, upkeep {sample.RequestsOf(StorageRequestRole.Upkeep)}, setup {sample.RequestsOf(StorageRequestRole.Setup)}."));
            foreach (var (path, count) in sample.Paths)
            {
                text.AppendLine(Invariant($"  - {count} × {path}"));
            }
        }

        text.AppendLine().AppendLine("Storage requests per entrant by kind (caller, service, resource with the task hub's name taken out, operation):").AppendLine();
        text.AppendLine("| caller | service | resource | operation | " + string.Join(" | ", samples.Select(sample => sample.Workload.Journey)) + " |");
        text.AppendLine("|---|---|---|---|" + string.Concat(samples.Select(_ => "---:|")));
        var kinds = samples.SelectMany(sample => sample.Requests.Keys).Where(kind => kind.Role == StorageRequestRole.Work).Distinct()
            .OrderBy(kind => kind.Caller).ThenBy(kind => kind.Service).ThenBy(kind => kind.Resource, StringComparer.Ordinal).ThenBy(kind => kind.Operation, StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            text.AppendLine($"| {kind.Caller} | {kind.Service} | {kind.Resource} | {kind.Operation} | " +
                string.Join(" | ", samples.Select(sample => Number(sample.PerEntrant(sample.Requests.GetValueOrDefault(kind))))) + " |");
        }

        if (idle is not null)
        {
            text.AppendLine().AppendLine(Invariant($"Idle engine ({idle.Settings}), requests per minute over {idle.Window.TotalSeconds:0} s: **{Number(idle.PerMinute(idle.Requests.Values.Sum()))}**")).AppendLine();
            text.AppendLine("| caller | service | resource | operation | role | per minute |");
            text.AppendLine("|---|---|---|---|---|---:|");
            foreach (var (kind, count) in idle.Requests.OrderBy(pair => pair.Key.Service).ThenBy(pair => pair.Key.Resource, StringComparer.Ordinal).ThenBy(pair => pair.Key.Operation, StringComparer.Ordinal))
            {
                text.AppendLine($"| {kind.Caller} | {kind.Service} | {kind.Resource} | {kind.Operation} | {kind.Role} | {Number(idle.PerMinute(count))} |");
            }
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
