using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Bundles;

/// <summary>
/// A set of configuration files read from disk (the <c>samples/</c> layout: <c>events/</c>, <c>datasources/</c>,
/// <c>actions/</c>, <c>journeys/</c>, one resource per file named by its id). Used by <c>journeys validate</c>, the
/// demo and tests; it is also an <see cref="IConfigurationLookup"/> over its own contents.
/// </summary>
public sealed class ConfigurationBundle : IConfigurationLookup
{
    private readonly Dictionary<string, EventDefinition> events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataSource> dataSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomAction> actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Journey> journeys = new(StringComparer.Ordinal);
    private readonly List<ConfigurationFile> files = [];

    public IReadOnlyList<ConfigurationFile> Files => files;

    public IReadOnlyDictionary<string, EventDefinition> Events => events;

    public IReadOnlyDictionary<string, DataSource> DataSources => dataSources;

    public IReadOnlyDictionary<string, CustomAction> Actions => actions;

    public IReadOnlyDictionary<string, Journey> Journeys => journeys;

    /// <summary>Reads every <c>*.json</c> file below a folder in the samples layout.</summary>
    public static ConfigurationBundle LoadFolder(string folder) => Load(ConfigurationFiles(folder));

    /// <summary>
    /// The configuration files below a folder, in path order: every <c>*.json</c> except journey test files
    /// (<c>*.test.json</c>), which live beside the configuration they test.
    /// </summary>
    public static IEnumerable<string> ConfigurationFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".test.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads the given files; each file's kind comes from its folder name, or else from its shape.</summary>
    public static ConfigurationBundle Load(IEnumerable<string> paths)
    {
        var bundle = new ConfigurationBundle();
        foreach (var path in paths)
        {
            bundle.Add(path, File.ReadAllBytes(path));
        }

        return bundle;
    }

    public ConfigurationFile Add(string path, byte[] utf8)
    {
        var id = System.IO.Path.GetFileNameWithoutExtension(path);
        var kind = KindFromFolder(path) ?? KindFromShape(utf8);
        ConfigurationFile file;
        switch (kind)
        {
            case ConfigurationKind.Event:
                file = Keep(path, id, kind, ContractJson.ReadEventDefinition(utf8), events);
                break;
            case ConfigurationKind.DataSource:
                file = Keep(path, id, kind, ContractJson.ReadDataSource(utf8), dataSources);
                break;
            case ConfigurationKind.Action:
                file = Keep(path, id, kind, ContractJson.ReadCustomAction(utf8), actions);
                break;
            default:
                file = Keep(path, id, ConfigurationKind.Journey, ContractJson.ReadJourney(utf8), journeys);
                break;
        }

        files.Add(file);
        return file;
    }

    public EventDefinition? FindEvent(string eventId) => events.GetValueOrDefault(eventId);

    public DataSource? FindDataSource(string sourceId) => dataSources.GetValueOrDefault(sourceId);

    public CustomAction? FindAction(string actionId) => actions.GetValueOrDefault(actionId);

    public bool JourneyExists(string journeyId) => journeys.ContainsKey(journeyId);

    private static ConfigurationFile Keep<T>(string path, string id, ConfigurationKind kind, ContractReadResult<T> read, Dictionary<string, T> into)
        where T : class
    {
        if (read.Succeeded)
        {
            into[id] = read.Value!;
        }

        return new ConfigurationFile(path, id, kind, read.Value, read.Errors);
    }

    private static ConfigurationKind? KindFromFolder(string path) =>
        System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)))?.ToLowerInvariant() switch
        {
            "events" => ConfigurationKind.Event,
            "datasources" => ConfigurationKind.DataSource,
            "actions" => ConfigurationKind.Action,
            "journeys" => ConfigurationKind.Journey,
            _ => null,
        };

    /// <summary>Outside the samples layout, the properties that only one kind has decide.</summary>
    private static ConfigurationKind KindFromShape(byte[] utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ConfigurationKind.Journey;
            }

            if (root.TryGetProperty("nodes", out _) || root.TryGetProperty("entry", out _))
            {
                return ConfigurationKind.Journey;
            }

            if (root.TryGetProperty("fieldGroups", out _) || root.TryGetProperty("baseUrl", out _))
            {
                return ConfigurationKind.DataSource;
            }

            if (root.TryGetProperty("url", out _))
            {
                return ConfigurationKind.Action;
            }

            return root.TryGetProperty("match", out _) || root.TryGetProperty("profileId", out _)
                ? ConfigurationKind.Event
                : ConfigurationKind.Journey;
        }
        catch (JsonException)
        {
            // Malformed: reading it as a journey reports the syntax error with its position.
            return ConfigurationKind.Journey;
        }
    }
}
