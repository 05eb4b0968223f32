using System.Text.Json.Nodes;
using Journeys.Core.Serialization;

namespace Journeys.Core.Tests.Serialization;

public sealed class SampleRoundTripTests
{
    public static IEnumerable<object[]> Events => SampleFiles.In("events");

    public static IEnumerable<object[]> DataSources => SampleFiles.In("datasources");

    public static IEnumerable<object[]> Actions => SampleFiles.In("actions");

    public static IEnumerable<object[]> Journeys => SampleFiles.In("journeys");

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_definitions_round_trip(string file)
    {
        var original = SampleFiles.Read("events", file);
        var read = ContractJson.ReadEventDefinition(original);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        AssertSameJson(original, ContractJson.Write(read.Value!));
    }

    [Theory]
    [MemberData(nameof(DataSources))]
    public void Data_sources_round_trip(string file)
    {
        var original = SampleFiles.Read("datasources", file);
        var read = ContractJson.ReadDataSource(original);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        AssertSameJson(original, ContractJson.Write(read.Value!));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Custom_actions_round_trip(string file)
    {
        var original = SampleFiles.Read("actions", file);
        var read = ContractJson.ReadCustomAction(original);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        AssertSameJson(original, ContractJson.Write(read.Value!));
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Journeys_round_trip(string file)
    {
        var original = SampleFiles.Read("journeys", file);
        var read = ContractJson.ReadJourney(original);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        AssertSameJson(original, ContractJson.Write(read.Value!));
    }

    [Fact]
    public void Every_node_type_round_trips()
    {
        const string json = """
            {
              "name": "all kinds",
              "entry": "e",
              "start": "c",
              "nodes": {
                "c": { "type": "condition", "branches": [ { "when": "true", "next": "s" } ], "otherwise": "s" },
                "s": { "type": "split", "branches": [ { "percent": 33.5, "next": "w" }, { "percent": 66.5, "next": "u" } ] },
                "w": { "type": "wait", "duration": "PT1H", "next": "f" },
                "u": { "type": "wait", "until": "now()", "next": "f" },
                "f": { "type": "waitForEvent", "event": "e2", "correlate": "true", "timeout": "P1D", "next": "a", "timeoutNext": "j" },
                "a": { "type": "action", "action": "x", "params": { "p": "1" }, "next": "z", "errorNext": "j" },
                "j": { "type": "jump", "journey": "other" },
                "z": { "type": "end" }
              }
            }
            """;

        var read = ContractJson.ReadJourney(json);

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        AssertSameJson(json, ContractJson.Write(read.Value!));
    }

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual {actual}");
}
