using Journeys.Core.Serialization;

namespace Journeys.Core.Tests.Serialization;

public sealed class ContractJsonErrorTests
{
    [Fact]
    public void Unknown_node_type_names_the_node_path()
    {
        var result = ContractJson.ReadJourney("""{ "name": "x", "nodes": { "a": { "type": "teleport" } } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.UnknownNodeType, error.Code);
        Assert.Equal("$.nodes.a", error.Path);
    }

    [Fact]
    public void Node_type_may_come_after_other_properties()
    {
        var result = ContractJson.ReadJourney("""{ "nodes": { "a": { "next": "b", "duration": "PT1M", "type": "wait" } } }""");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Node_without_type_is_reported_with_its_path()
    {
        var result = ContractJson.ReadJourney("""{ "nodes": { "a": { "next": "b" } } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.UnknownNodeType, error.Code);
        Assert.Equal("$.nodes.a", error.Path);
    }

    [Fact]
    public void Malformed_json_names_the_position()
    {
        var result = ContractJson.ReadJourney("{ \"name\": \"x\",\n  \"start\": }");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.MalformedJson, error.Code);
        Assert.Equal("$.start", error.Path);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_refused_with_its_path()
    {
        var result = ContractJson.ReadJourney("""{ "nodes": { "a": { "type": "end", "nxt": "b" } } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.UnknownProperty, error.Code);
        Assert.Equal("$.nodes.a.nxt", error.Path);
    }

    [Fact]
    public void Wrong_value_type_is_reported_with_its_path()
    {
        var result = ContractJson.ReadEventDefinition("""{ "fields": { "id": "text" } }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.InvalidValue, error.Code);
        Assert.Equal("$.fields.id", error.Path);
    }

    [Fact]
    public void Wrong_number_type_is_reported_with_its_path()
    {
        var result = ContractJson.ReadCustomAction("""{ "timeoutMs": "soon" }""");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.InvalidValue, error.Code);
        Assert.Equal("$.timeoutMs", error.Path);
    }

    [Fact]
    public void Null_body_is_refused()
    {
        var result = ContractJson.ReadDataSource("null");

        Assert.False(result.Succeeded);
        Assert.Equal(ContractJson.InvalidValue, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Trailing_garbage_is_malformed()
    {
        var result = ContractJson.ReadDataSource("{} {}");

        Assert.Equal(ContractJson.MalformedJson, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_crashing()
    {
        var deep = "{ \"body\": " + new string('[', 200) + new string(']', 200) + " }";

        var result = ContractJson.ReadCustomAction(deep);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_malformed_json_not_a_crash()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("""{ "method": "POST", "url": "https://x.example.com/?", "headers": { "a": "b" } }""");
        body[Array.IndexOf(body, (byte)'?')] = 0xFF;

        var result = ContractJson.ReadCustomAction(body);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ContractJson.MalformedJson, error.Code);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }
}
