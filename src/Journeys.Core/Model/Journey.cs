namespace Journeys.Core.Model;

/// <summary>A journey definition (SPEC §2): the body of a draft and of every published version.</summary>
public sealed class Journey
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The event definition id whose events start instances.</summary>
    public string? Entry { get; set; }

    public string? Start { get; set; }

    public ReentryPolicy? Reentry { get; set; }

    /// <summary>Instance lifetime; default and maximum 91 days.</summary>
    public long? TimeoutSeconds { get; set; }

    public Dictionary<string, JourneyNode>? Nodes { get; set; }

    /// <summary>The greatest journey timeout the product allows, also the default.</summary>
    public const long MaxTimeoutSeconds = 91L * 24 * 3600;
}
