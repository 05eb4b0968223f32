using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

public sealed class DataFetchTests
{
    private static readonly CompiledJourney TierJourney = Compile("""
        { "entry": "cart.abandoned", "start": "tier-check",
          "nodes": {
            "tier-check": { "type": "condition",
                            "branches": [ { "when": "data.loyalty.tier.tier == 'gold' && data.loyalty.offers.best != null", "next": "vip" } ],
                            "otherwise": "std" },
            "vip": { "type": "end" }, "std": { "type": "end" } } }
        """);

    [Fact]
    public void Data_a_condition_reads_is_fetched_first_one_group_at_a_time()
    {
        var driver = new InstanceDriver(TierJourney);

        var started = driver.Start();

        Assert.Equal(new FetchDataCommand("tier-check", "loyalty", "tier", "GET", "/members/p1", 300), started.Command);
        Assert.Equal(WaitKind.Data, driver.State!.Waiting);
        Assert.Equal(["Started tier-check", "Entered tier-check", "Waiting tier-check data"], driver.Trace());

        var tier = driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "tier": "gold", "points": 12 }""")), T0.AddSeconds(1));
        Assert.Equal(new FetchDataCommand("tier-check", "loyalty", "offers", "GET", "/offers/c1", null), tier.Command);

        var offers = driver.Send(new DataFetchedInput("loyalty", "offers", Json("""{ "best": "10%" }""")), T0.AddSeconds(2));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), offers.Command);
        Assert.Equal(
            ["Started tier-check", "Entered tier-check", "Waiting tier-check data", "Resumed tier-check data", "DataFetched tier-check loyalty.tier",
             "Waiting tier-check data", "Resumed tier-check data", "DataFetched tier-check loyalty.offers", "Exited tier-check 0->vip",
             "Entered vip", "Exited vip", "Ended vip completed"],
            driver.Trace());
        Assert.Equal("""{"loyalty":{"offers":{"best":"10%"},"tier":{"tier":"gold","points":12}}}""", driver.State!.Data!.Value.GetRawText());
        Assert.Equal(
            [new DataStamp("loyalty", "offers", T0.AddSeconds(2)), new DataStamp("loyalty", "tier", T0.AddSeconds(1))],
            driver.State.DataFetchedAt!);
    }

    [Fact]
    public void A_failed_fetch_ends_the_instance_errored()
    {
        var driver = new InstanceDriver(TierJourney);
        driver.Start();

        var failed = driver.Send(new DataFetchedInput("loyalty", "tier", null, "HTTP 503"), T0.AddSeconds(1));

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), failed.Command);
        Assert.Equal(
            ["Resumed tier-check data", "DataFetched tier-check loyalty.tier DATA_FETCH_FAILED", "Error tier-check DATA_FETCH_FAILED", "Exited tier-check", "Ended tier-check errored"],
            failed.Events.Select(Describe));
    }

    [Fact]
    public void A_response_for_another_group_is_ignored()
    {
        var driver = new InstanceDriver(TierJourney);
        driver.Start();

        var wrong = driver.Send(new DataFetchedInput("loyalty", "offers", Json("{}")), T0.AddSeconds(1));

        Assert.False(wrong.StateChanged);
    }

    [Fact]
    public void Fetched_data_is_reused_within_cache_seconds_and_fetched_again_after()
    {
        // tier has cacheSeconds 300: the loop revisits the check after 1 minute (cached), then after 10 minutes (expired).
        var journey = Compile("""
            { "entry": "cart.abandoned", "start": "check",
              "nodes": {
                "check": { "type": "condition", "branches": [ { "when": "data.loyalty.tier.points > 100", "next": "done" } ], "otherwise": "pause" },
                "pause": { "type": "wait", "duration": "PT1M", "next": "check" },
                "done": { "type": "end" } } }
            """);
        var driver = new InstanceDriver(journey);
        driver.Start();
        driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "points": 5 }""")), T0);
        Assert.Equal(new StartTimerCommand("pause", T0.AddMinutes(1)), driver.LastCommand);

        var cached = driver.Send(new TimerFiredInput(T0.AddMinutes(1)), T0.AddMinutes(1));
        Assert.Equal(new StartTimerCommand("pause", T0.AddMinutes(2)), cached.Command);

        var expired = driver.Send(new TimerFiredInput(T0.AddMinutes(2)), T0.AddMinutes(10));
        Assert.Equal(new FetchDataCommand("check", "loyalty", "tier", "GET", "/members/p1", 300), expired.Command);

        var fresh = driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "points": 500 }""")), T0.AddMinutes(10));
        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), fresh.Command);
    }
}
