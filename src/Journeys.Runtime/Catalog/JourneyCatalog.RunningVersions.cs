using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

public sealed partial class JourneyCatalog
{
    /// <summary>
    /// Asked by <see cref="ResourceCatalog{T}.PutAsync"/>: refuses a change of an event definition, data source or action that would stop a running (live or closed)
    /// journey version that uses it from compiling. Such a version could no longer take entrants nor move its
    /// instances on, and its events would go nowhere (issue 11; SPEC §5 "never an empty result"). Versions that
    /// already did not compile before the change are not held against it. Null when the change may be written.
    /// </summary>
    internal async Task<CatalogFailure?> CheckRunningVersionsAsync<T>(ResourceCodec<T> codec, string id, T body, CancellationToken cancellationToken)
        where T : class
    {
        CatalogSnapshot? current = null;
        IConfigurationLookup? proposed = null;
        var affected = new List<string>();
        var issues = new List<ValidationIssue>();
        foreach (var journey in await Store.ListJourneysAsync(cancellationToken))
        {
            foreach (var summary in journey.Versions.Where(v => v.Status is JourneyVersionStatus.Live or JourneyVersionStatus.Closed))
            {
                if (await FindVersionAsync(journey.Id, summary.Version, cancellationToken) is not { } version
                    || !JourneyReferences.Uses(version.Definition, codec.Kind, id))
                {
                    continue;
                }

                current ??= await GetConfigurationAsync(cancellationToken);
                proposed ??= new ReplacingLookup(current, codec.Kind, id, body);
                if (CompileProblems(journey.Id, summary.Version, version.Definition, proposed) is not { } problems
                    || CompileProblems(journey.Id, summary.Version, version.Definition, current) is not null)
                {
                    continue;
                }

                if (!affected.Contains(journey.Id))
                {
                    affected.Add(journey.Id);
                }

                var status = summary.Status == JourneyVersionStatus.Live ? "live" : "closed";
                issues.AddRange(problems.Select(problem => new ValidationIssue(
                    CatalogErrorCodes.BreaksJourney, null, "$", $"Journey '{journey.Id}' version {summary.Version} ({status}) would no longer run: {problem}", ValidationSeverity.Error)));
            }
        }

        return affected.Count == 0
            ? null
            : new CatalogFailure(
                CatalogErrorCodes.BreaksJourney,
                $"The {codec.Noun} '{id}' cannot be changed this way: running journey(s) {string.Join(", ", affected)} use it and would no longer run. "
                + "Give the new shape another id and publish journey versions that use it, or stop the journeys first.")
            {
                UsedBy = affected,
                Issues = issues,
            };
    }

    private static IReadOnlyList<string>? CompileProblems(string journeyId, int version, Journey definition, IConfigurationLookup lookup)
    {
        try
        {
            CompiledJourney.Compile(journeyId, version, definition, lookup);
            return null;
        }
        catch (JourneyCompilationException ex)
        {
            return ex.Problems is { Count: > 0 } problems ? problems : [ex.Message];
        }
    }

    /// <summary>The current configuration with one resource replaced by its proposed body.</summary>
    private sealed class ReplacingLookup(CatalogSnapshot current, CatalogResourceKind kind, string id, object body) : IConfigurationLookup
    {
        public EventDefinition? FindEvent(string eventId) =>
            kind == CatalogResourceKind.EventDefinition && eventId == id ? (EventDefinition)body : current.FindEvent(eventId);

        public DataSource? FindDataSource(string sourceId) =>
            kind == CatalogResourceKind.DataSource && sourceId == id ? (DataSource)body : current.FindDataSource(sourceId);

        public CustomAction? FindAction(string actionId) =>
            kind == CatalogResourceKind.CustomAction && actionId == id ? (CustomAction)body : current.FindAction(actionId);

        public bool JourneyExists(string journeyId) => current.JourneyExists(journeyId);
    }
}
