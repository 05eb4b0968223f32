using Journeys.Core.Serialization;
using Journeys.Runtime.Catalog;

namespace Journeys.Runtime.Tests.Catalog;

public sealed class JourneyReferencesTests
{
    [Theory]
    [InlineData("data.loyalty.tier.tier == 'gold'", true)]
    [InlineData("(data.loyalty.tier.points ?? 0) > 10", true)]
    [InlineData("data['loyalty'].tier.tier", true)]
    [InlineData("data[\"loyalty\"].tier.tier", true)]
    [InlineData("exists(data.loyalty)", true)]
    [InlineData("data.loyalty2.tier.tier", false)]
    [InlineData("data.loyalty_x.tier", false)]
    [InlineData("entry.metadata.loyalty.tier", false)]
    [InlineData("mydata.loyalty.tier", false)]
    [InlineData("entry.loyalty.tier", false)]
    [InlineData("data.crm.loyalty", false)]
    public void Data_source_reads_are_found_by_text(string expression, bool reads)
    {
        Assert.Equal(reads, JourneyReferences.ReadsDataSource(expression, "loyalty"));
    }

    [Fact]
    public void Ids_with_dots_and_dashes_match_whole()
    {
        Assert.True(JourneyReferences.ReadsDataSource("data.crm-eu.g.f", "crm-eu"));
        Assert.False(JourneyReferences.ReadsDataSource("data.crm-eu.g.f", "crm"));
        Assert.True(JourneyReferences.ReadsDataSource("data['crm.v2'].g.f", "crm.v2"));
    }

    [Fact]
    public void Every_kind_of_use_is_found_in_the_nodes()
    {
        var journey = ContractJson.ReadJourney("""
            { "entry": "cart.abandoned", "start": "w",
              "nodes": {
                "w": { "type": "waitForEvent", "event": "order.placed", "correlate": "event.x == data.crm.g.id", "timeout": "PT1H", "next": "a", "timeoutNext": "u" },
                "u": { "type": "wait", "until": "data.calendar.next.at", "next": "a" },
                "a": { "type": "action", "action": "send-email", "params": { "to": "data.profile-store.g.email" }, "next": "c" },
                "c": { "type": "condition", "branches": [ { "when": "data.loyalty.t.t == 'gold'", "next": "j" } ], "otherwise": "j" },
                "j": { "type": "jump", "journey": "other" } } }
            """).Value!;

        Assert.True(JourneyReferences.Uses(journey, CatalogResourceKind.EventDefinition, "cart.abandoned"));
        Assert.True(JourneyReferences.Uses(journey, CatalogResourceKind.EventDefinition, "order.placed"));
        Assert.False(JourneyReferences.Uses(journey, CatalogResourceKind.EventDefinition, "other"));
        Assert.True(JourneyReferences.Uses(journey, CatalogResourceKind.CustomAction, "send-email"));
        Assert.False(JourneyReferences.Uses(journey, CatalogResourceKind.CustomAction, "cart.abandoned"));
        foreach (var source in new[] { "crm", "calendar", "profile-store", "loyalty" })
        {
            Assert.True(JourneyReferences.Uses(journey, CatalogResourceKind.DataSource, source), source);
        }

        Assert.False(JourneyReferences.Uses(journey, CatalogResourceKind.DataSource, "g"));
    }
}
