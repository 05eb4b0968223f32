using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Journeys.Host.Serving;

/// <summary>
/// Gives every operation a one-line summary (what tools list and generated clients put in their doc comments): the
/// route's own <c>WithSummary</c> when it has one, else the text below for its operation id, else words made from
/// the operation id, so that a route added later is never left without one.
/// </summary>
public sealed partial class OperationSummaryTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["ListEvents"] = "List event definitions",
        ["PutEvent"] = "Create or replace an event definition",
        ["GetEvent"] = "Read an event definition",
        ["DeleteEvent"] = "Delete an event definition (409 while a live journey uses it)",
        ["ListDataSources"] = "List data sources",
        ["PutDataSource"] = "Create or replace a data source",
        ["GetDataSource"] = "Read a data source",
        ["DeleteDataSource"] = "Delete a data source (409 while a live journey uses it)",
        ["ListActions"] = "List custom actions",
        ["PutAction"] = "Create or replace a custom action",
        ["GetAction"] = "Read a custom action",
        ["DeleteAction"] = "Delete a custom action (409 while a live journey uses it)",
        ["ListJourneys"] = "List journeys with their status and versions",
        ["PutJourney"] = "Create or replace a journey's draft",
        ["GetJourney"] = "Read a journey: draft, status and versions",
        ["ValidateJourney"] = "Validate the draft: every error and warning at once",
        ["PublishJourney"] = "Publish the draft as the next live version",
        ["CloseJourney"] = "Close the journey to new entrants",
        ["StopJourney"] = "Stop the journey and end its active instances",
        ["GetReport"] = "Report per version and node",
        ["GetInstance"] = "A profile's instance with its step history",
        ["Ingest"] = "Ingest one event or an array of events",
        ["Health"] = "Liveness and storage reachability",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrWhiteSpace(operation.Summary))
        {
            return Task.CompletedTask;
        }

        var name = operation.OperationId
            ?? context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        operation.Summary = name is null
            ? $"{context.Description.HttpMethod} /{context.Description.RelativePath}"
            : Summaries.GetValueOrDefault(name) ?? Words(name);
        return Task.CompletedTask;
    }

    /// <summary>"SimulateJourney" → "Simulate journey".</summary>
    private static string Words(string name)
    {
        var words = WordStart().Replace(name, " $0").Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)[A-Z]")]
    private static partial Regex WordStart();
}
