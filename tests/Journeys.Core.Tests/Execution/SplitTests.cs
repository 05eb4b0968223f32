using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class SplitTests
{
    private static readonly CompiledJourney ThirtySeventy = Compile("""
        { "entry": "cart.abandoned", "start": "ab",
          "nodes": {
            "ab": { "type": "split", "branches": [ { "percent": 30, "next": "a" }, { "percent": 70, "next": "b" } ] },
            "a": { "type": "end" }, "b": { "type": "end" } } }
        """, journeyId: "welcome");

    private static string BranchOf(CompiledJourney journey, string profileId)
    {
        var result = JourneyStepper.Start(journey, new StartInput(Json(CartEntry), profileId, "i-" + profileId), T0);
        return result.Events.Single(e => e.Kind == StepEventKind.Exited && e.Node == "ab").Branch!;
    }

    [Theory]
    // Buckets computed independently (Python hashlib) from SHA-256("7:welcome|2:p7|2:ab") etc.: first 8 bytes big-endian mod 10000.
    [InlineData("p7", 1836, "0")]
    [InlineData("p8", 407, "0")]
    [InlineData("bob", 2791, "0")]
    [InlineData("p1", 3466, "1")]
    [InlineData("alice", 8709, "1")]
    public void A_profile_lands_in_the_branch_of_its_stable_bucket(string profileId, int bucket, string branch)
    {
        Assert.Equal(bucket, JourneyStepper.SplitBucket("welcome", profileId, "ab"));
        Assert.Equal(branch, BranchOf(ThirtySeventy, profileId));
    }

    [Fact]
    public void The_same_profile_always_takes_the_same_branch_in_every_version()
    {
        var version2 = Compile("""
            { "entry": "cart.abandoned", "start": "ab",
              "nodes": {
                "ab": { "type": "split", "branches": [ { "percent": 30, "next": "a" }, { "percent": 70, "next": "b" } ] },
                "a": { "type": "end" }, "b": { "type": "end" } } }
            """, journeyId: "welcome", version: 2);

        for (var i = 0; i < 200; i++)
        {
            var profile = "profile-" + i;
            Assert.Equal(BranchOf(ThirtySeventy, profile), BranchOf(ThirtySeventy, profile));
            Assert.Equal(BranchOf(ThirtySeventy, profile), BranchOf(version2, profile));
        }
    }

    [Fact]
    public void Ten_thousand_profiles_split_thirty_seventy_within_two_percent()
    {
        var first = Enumerable.Range(0, 10_000).Count(i => BranchOf(ThirtySeventy, $"customer-{i}") == "0");

        Assert.InRange(first, 2_800, 3_200);
    }

    [Fact]
    public void Fractional_percents_resolve_to_hundredths_and_zero_percent_is_never_taken()
    {
        var journey = Compile("""
            { "entry": "cart.abandoned", "start": "ab",
              "nodes": {
                "ab": { "type": "split", "branches": [ { "percent": 0, "next": "a" }, { "percent": 34.66, "next": "b" }, { "percent": 65.34, "next": "c" } ] },
                "a": { "type": "end" }, "b": { "type": "end" }, "c": { "type": "end" } } }
            """, journeyId: "welcome");

        // p1's bucket is 3466: not below 3466, so it falls to the third branch; p7 (1836) takes the second.
        Assert.Equal("2", BranchOf(journey, "p1"));
        Assert.Equal("1", BranchOf(journey, "p7"));
        Assert.DoesNotContain(Enumerable.Range(0, 500).Select(i => BranchOf(journey, $"x{i}")), b => b == "0");
    }
}
