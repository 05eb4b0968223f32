namespace Journeys.Runtime.Bundles;

/// <summary>The four kinds of configuration body of SPEC §2.</summary>
public enum ConfigurationKind
{
    Event,
    DataSource,
    Action,
    Journey,
}
