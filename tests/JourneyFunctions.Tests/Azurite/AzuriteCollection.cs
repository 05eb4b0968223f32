using JourneyFunctions.Tests;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Azurite;

/// <summary>The tests of this assembly that share one Azurite process (xunit collections are per assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
