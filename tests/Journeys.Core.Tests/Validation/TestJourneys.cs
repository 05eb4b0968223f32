using Journeys.Core.Model;

namespace Journeys.Core.Tests.Validation;

/// <summary>
/// Journeys for the rule tests. <see cref="Baseline"/> is valid and holds no expression and no duration, so
/// that structural rules can be tested without the expression language; each test breaks one thing in it.
/// </summary>
internal static class TestJourneys
{
    public const string Id = "abandoned-cart";

    /// <summary>
    /// split ─50─▶ send (action ping) ─next/errorNext─▶ done (end)
    ///       └50─▶ hand-over (jump to loyalty-boost, same entry event)
    /// </summary>
    public static Journey Baseline() => new()
    {
        Name = "Abandoned cart",
        Entry = "cart.abandoned",
        Start = "split",
        Nodes = new()
        {
            ["split"] = new SplitNode
            {
                Branches = [new SplitBranch { Percent = 50, Next = "send" }, new SplitBranch { Percent = 50, Next = "hand-over" }],
            },
            ["send"] = new ActionNode { Action = "ping", Next = "done", ErrorNext = "done" },
            ["hand-over"] = new JumpNode { Journey = "loyalty-boost" },
            ["done"] = new EndNode(),
        },
    };

    /// <summary>A journey of the given nodes starting at <paramref name="start"/>, otherwise like the baseline.</summary>
    public static Journey With(string start, params (string Id, JourneyNode Node)[] nodes)
    {
        var journey = Baseline();
        journey.Start = start;
        journey.Nodes = nodes.ToDictionary(n => n.Id, n => n.Node);
        return journey;
    }

    /// <summary>The abandoned-cart journey of SPEC §2, with every kind of expression.</summary>
    public static Journey SpecSample() => new()
    {
        Name = "Abandoned cart",
        Entry = "cart.abandoned",
        Start = "await-order",
        Reentry = new ReentryPolicy { Allowed = true, AfterSeconds = 300 },
        TimeoutSeconds = 7862400,
        Nodes = new()
        {
            ["await-order"] = new WaitForEventNode
            {
                Event = "order.placed",
                Correlate = "event.cart.id == entry.cart.id",
                Timeout = "PT1H",
                Next = "done",
                TimeoutNext = "tier-check",
            },
            ["tier-check"] = new ConditionNode
            {
                Branches = [new ConditionBranch { When = "data.loyalty.tier.tier == 'gold'", Next = "vip-email" }],
                Otherwise = "std-email",
            },
            ["vip-email"] = new ActionNode
            {
                Action = "send-email",
                Params = new() { ["email"] = "entry.customer.email", ["total"] = "entry.cart.total * 0.9" },
                Next = "done",
                ErrorNext = "done",
            },
            ["std-email"] = new ActionNode
            {
                Action = "send-email",
                Params = new() { ["email"] = "entry.customer.email", ["total"] = "entry.cart.total" },
                Next = "done",
                ErrorNext = "done",
            },
            ["done"] = new EndNode(),
        },
    };
}
