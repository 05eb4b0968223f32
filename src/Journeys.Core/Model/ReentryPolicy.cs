namespace Journeys.Core.Model;

/// <summary>Whether a profile may enter a journey again after its previous instance there ended.</summary>
public sealed class ReentryPolicy
{
    public bool Allowed { get; set; }

    /// <summary>Minimum seconds between the previous exit and a new entry.</summary>
    public long? AfterSeconds { get; set; }
}
