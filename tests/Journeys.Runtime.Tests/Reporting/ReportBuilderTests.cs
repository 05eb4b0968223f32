using Journeys.Core.Model;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Reporting;

namespace Journeys.Runtime.Tests.Reporting;

public sealed class ReportBuilderTests
{
    [Fact]
    public void Numbered_branches_are_labelled_by_their_place_in_the_node_and_named_ones_keep_their_name()
    {
        var journey = new JourneyDetails(
            "abandoned-cart", new Journey(), "etag", DateTimeOffset.UnixEpoch, JourneyStatus.Live, 1,
            [new JourneyVersionSummary(1, JourneyVersionStatus.Live, DateTimeOffset.UnixEpoch, null)]);
        var counters = new Dictionary<CounterKey, long>
        {
            [new CounterKey("abandoned-cart", 1, "tier-check", "exited")] = 5,
            [new CounterKey("abandoned-cart", 1, "tier-check", "branch:0")] = 2,
            [new CounterKey("abandoned-cart", 1, "tier-check", "branch:1")] = 1,
            [new CounterKey("abandoned-cart", 1, "tier-check", "branch:otherwise")] = 2,
            [new CounterKey("abandoned-cart", 1, "await-order", "branch:timeout")] = 4,
        };

        var report = ReportBuilder.Build(journey, counters);

        var nodes = Assert.Single(report.Versions).Nodes;
        Assert.Equal(["branches[0]", "branches[1]", "otherwise"], nodes["tier-check"].Branches.Keys);
        Assert.Equal(2, nodes["tier-check"].Branches["branches[0]"]);
        Assert.Equal(["timeout"], nodes["await-order"].Branches.Keys);
    }
}
