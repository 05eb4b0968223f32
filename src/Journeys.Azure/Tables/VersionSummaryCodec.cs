using System.Globalization;
using System.Text;
using System.Text.Json;
using Journeys.Runtime.Catalog;

namespace Journeys.Azure.Tables;

/// <summary>The version summaries a journey's head entity keeps, as a small JSON array written by hand (no reflection).</summary>
public static class VersionSummaryCodec
{
    public static string Write(IReadOnlyList<JourneyVersionSummary> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var version in versions)
            {
                writer.WriteStartObject();
                writer.WriteNumber("version", version.Version);
                writer.WriteString("status", StatusName(version.Status));
                writer.WriteString("publishedAt", version.PublishedAt);
                if (version.EndedAt is { } ended)
                {
                    writer.WriteString("endedAt", ended);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static List<JourneyVersionSummary> Read(string? json)
    {
        var versions = new List<JourneyVersionSummary>();
        if (string.IsNullOrEmpty(json))
        {
            return versions;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            versions.Add(new JourneyVersionSummary(
                item.GetProperty("version").GetInt32(),
                ParseStatus(item.GetProperty("status").GetString()),
                item.GetProperty("publishedAt").GetDateTimeOffset(),
                item.TryGetProperty("endedAt", out var ended) ? ended.GetDateTimeOffset() : null));
        }

        return versions;
    }

    public static string StatusName(JourneyVersionStatus status) => status switch
    {
        JourneyVersionStatus.Live => "live",
        JourneyVersionStatus.Closed => "closed",
        _ => "stopped",
    };

    public static string JourneyStatusName(JourneyStatus status) => status switch
    {
        JourneyStatus.Draft => "draft",
        JourneyStatus.Live => "live",
        JourneyStatus.Closed => "closed",
        _ => "stopped",
    };

    public static JourneyStatus ParseJourneyStatus(string? name) => name switch
    {
        "live" => JourneyStatus.Live,
        "closed" => JourneyStatus.Closed,
        "stopped" => JourneyStatus.Stopped,
        "draft" => JourneyStatus.Draft,
        _ => throw new InvalidOperationException($"Unknown journey status '{name}' in the catalog table."),
    };

    private static JourneyVersionStatus ParseStatus(string? name) => name switch
    {
        "live" => JourneyVersionStatus.Live,
        "closed" => JourneyVersionStatus.Closed,
        "stopped" => JourneyVersionStatus.Stopped,
        _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unknown version status '{name}' in the catalog table.")),
    };
}
