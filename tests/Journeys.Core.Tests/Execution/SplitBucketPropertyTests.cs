using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

/// <summary>
/// The split bucket is hashed from precomputed parts; it must equal the documented formula (docs/execution.md,
/// "Split") for any ids: non-ASCII, lone surrogates, and ids too long for the stack buffer.
/// </summary>
public sealed class SplitBucketPropertyTests
{
    private static readonly CompiledJourney FiftyFifty = Compile("""
        { "entry": "cart.abandoned", "start": "ab",
          "nodes": {
            "ab": { "type": "split", "branches": [ { "percent": 50, "next": "a" }, { "percent": 50, "next": "b" } ] },
            "a": { "type": "end" }, "b": { "type": "end" } } }
        """, journeyId: "welcome");

    /// <summary>The formula as docs/execution.md states it, written out independently of the stepper.</summary>
    private static int Documented(string journeyId, string profileId, string nodeId)
    {
        var text = $"{journeyId.Length}:{journeyId}|{profileId.Length}:{profileId}|{nodeId.Length}:{nodeId}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 10000UL);
    }

    [Fact]
    public void Any_ids_give_the_documented_bucket()
    {
        var ids = ArbMap.Default.ArbFor<string>().Filter(id => id is not null);

        Prop.ForAll(ids, ids, ids, (journeyId, profileId, nodeId) =>
            JourneyStepper.SplitBucket(journeyId, profileId, nodeId) == Documented(journeyId, profileId, nodeId))
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("p1")]
    [InlineData("émile-\u212A")]
    [InlineData("lone-\ud800")]
    [InlineData("\udc00-lone")]
    [InlineData("😀")]
    public void A_split_node_takes_the_branch_of_the_documented_bucket(string profileId)
    {
        Assert.Equal(ExpectedBranch(profileId), BranchOf(profileId));
    }

    [Fact]
    public void A_profile_id_longer_than_the_stack_buffer_takes_the_branch_of_the_documented_bucket()
    {
        foreach (var profileId in new[] { new string('x', 600), new string('é', 300), string.Concat(Enumerable.Repeat("😀", 200)) })
        {
            Assert.Equal(ExpectedBranch(profileId), BranchOf(profileId));
        }
    }

    private static string ExpectedBranch(string profileId) => Documented("welcome", profileId, "ab") < 5000 ? "0" : "1";

    private static string BranchOf(string profileId)
    {
        var result = JourneyStepper.Start(FiftyFifty, new StartInput(Json(CartEntry), profileId, "i1"), T0);
        return result.Events.Single(e => e.Kind == StepEventKind.Exited && e.Node == "ab").Branch!;
    }
}
