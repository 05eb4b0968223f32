using Journeys.Core.Model;
using Journeys.Core.Validation;
using Journeys.Runtime.Catalog;
using Microsoft.Extensions.Configuration;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// The catalog's validation plus one host-specific check: every secret setting a journey's actions and data sources
/// name must be configured on this host, or their calls will fail at run time. A warning, not an error: the
/// configuration is right, the host is not ready yet (and the secret may be set before the first call).
/// </summary>
public sealed class ConfiguredSecretsValidator : ICatalogValidator
{
    private readonly ICatalogValidator inner;
    private readonly IConfiguration configuration;

    public ConfiguredSecretsValidator(ICatalogValidator inner, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(configuration);
        this.inner = inner;
        this.configuration = configuration;
    }

    public ValidationResult ValidateEventDefinition(string eventId, EventDefinition definition) => inner.ValidateEventDefinition(eventId, definition);

    public ValidationResult ValidateDataSource(string sourceId, DataSource source) => inner.ValidateDataSource(sourceId, source);

    public ValidationResult ValidateCustomAction(string actionId, CustomAction action) => inner.ValidateCustomAction(actionId, action);

    public ValidationResult ValidateJourney(string journeyId, Journey journey, IConfigurationLookup lookup)
    {
        var result = inner.ValidateJourney(journeyId, journey, lookup);
        var missing = MissingSecrets(journey, lookup).ToList();
        if (missing.Count == 0)
        {
            return result;
        }

        return new ValidationResult([.. result.Errors, .. result.Warnings, .. missing]);
    }

    private IEnumerable<ValidationIssue> MissingSecrets(Journey journey, IConfigurationLookup lookup)
    {
        var sourceIds = JourneyScopes.ReferencedSourceIds(journey).ToList();
        foreach (var (nodeId, node) in (journey.Nodes ?? []).OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var nodePath = JsonPaths.Node(nodeId);
            if (node is ActionNode { Action: { } actionId } && lookup.FindAction(actionId) is { } action)
            {
                foreach (var name in Unconfigured(action.Auth))
                {
                    yield return Warning(nodeId, JsonPaths.Member(nodePath, "action"), $"action '{actionId}'", name);
                }
            }

            // A node reads a data source when one of its own expressions does.
            var single = new Journey { Nodes = new Dictionary<string, JourneyNode> { [nodeId] = node } };
            foreach (var sourceId in sourceIds)
            {
                if (JourneyReferences.Uses(single, CatalogResourceKind.DataSource, sourceId) && lookup.FindDataSource(sourceId) is { } source)
                {
                    foreach (var name in Unconfigured(source.Auth))
                    {
                        yield return Warning(nodeId, nodePath, $"data source '{sourceId}'", name);
                    }
                }
            }
        }
    }

    private IEnumerable<string> Unconfigured(AuthConfig? auth) =>
        SecretSettings.Names(auth).Where(name => SecretSettings.Read(configuration, name) is null);

    private static ValidationIssue Warning(string nodeId, string path, string what, string setting) =>
        new(
            ValidationCodes.AuthSettingNotConfigured,
            nodeId,
            path,
            $"The secret setting '{setting}' of {what} is not configured on this host: set {SecretSettings.ConfigurationKey(setting)} (environment {SecretSettings.EnvironmentVariable(setting)}), or its calls fail.",
            ValidationSeverity.Warning);
}
