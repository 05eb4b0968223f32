using Journeys.TestSupport.Azurite;

namespace Journeys.Azure.Tests.Azurite;

/// <summary>The tests that share one Azurite process (they run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
