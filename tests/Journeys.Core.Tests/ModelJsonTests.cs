using Journeys.Serialization;

namespace Journeys.Core.Tests;

public sealed class ModelJsonTests
{
    [Fact]
    public void Unknown_node_type_is_reported_with_its_path()
    {
        var result = ContractJson.ReadJourney("""{ "name": "x", "nodes": { "a": { "type": "teleport" } } }""");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.UnknownNodeType, error.Code);
        Assert.Equal("$.nodes.a", error.Path);
    }
}
