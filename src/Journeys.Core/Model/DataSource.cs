namespace Journeys.Core.Model;

/// <summary>An external REST service whose fields journeys read as <c>data.&lt;source&gt;.&lt;group&gt;.&lt;field&gt;</c>.</summary>
public sealed class DataSource
{
    public string? BaseUrl { get; set; }

    public AuthConfig? Auth { get; set; }

    public int? TimeoutMs { get; set; }

    public int? RateLimitPerSecond { get; set; }

    public Dictionary<string, FieldGroup>? FieldGroups { get; set; }
}
