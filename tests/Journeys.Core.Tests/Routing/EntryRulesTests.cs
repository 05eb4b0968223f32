using Journeys.Core.Model;
using Journeys.Core.Routing;

namespace Journeys.Core.Tests.Routing;

public sealed class EntryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_entry_is_allowed_whatever_the_policy()
    {
        Assert.True(EntryRules.Decide(new ReentryPolicy { Allowed = false }, alreadyActive: false, lastExit: null, Now).Enter);
    }

    [Fact]
    public void An_active_profile_is_discarded_as_already_active()
    {
        var decision = EntryRules.Decide(new ReentryPolicy { Allowed = true }, alreadyActive: true, lastExit: null, Now);

        Assert.Equal(EntryDecision.Discarded(DiscardReason.AlreadyActive), decision);
    }

    [Fact]
    public void Reentry_forbidden_discards_a_returning_profile()
    {
        var decision = EntryRules.Decide(new ReentryPolicy { Allowed = false }, false, Now.AddDays(-30), Now);

        Assert.Equal(EntryDecision.Discarded(DiscardReason.ReentryNotAllowed), decision);
    }

    [Fact]
    public void Reentry_before_the_wait_is_too_soon()
    {
        var decision = EntryRules.Decide(new ReentryPolicy { Allowed = true, AfterSeconds = 300 }, false, Now.AddSeconds(-299), Now);

        Assert.Equal(EntryDecision.Discarded(DiscardReason.ReentryTooSoon), decision);
    }

    [Fact]
    public void Reentry_exactly_after_the_wait_is_allowed()
    {
        Assert.True(EntryRules.Decide(new ReentryPolicy { Allowed = true, AfterSeconds = 300 }, false, Now.AddSeconds(-300), Now).Enter);
    }

    [Fact]
    public void Without_a_reentry_block_a_returning_profile_enters()
    {
        Assert.True(EntryRules.Decide(null, false, Now.AddSeconds(-1), Now).Enter);
    }
}
