using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

/// <summary>The SPEC §2 journey, verbatim, driven end to end.</summary>
public sealed class AbandonedCartTests
{
    public const string SpecJourney = """
        {
          "name": "Abandoned cart",
          "entry": "cart.abandoned",
          "start": "await-order",
          "reentry": { "allowed": true, "afterSeconds": 300 },
          "timeoutSeconds": 7862400,
          "nodes": {
            "await-order": { "type": "waitForEvent", "event": "order.placed",
                             "correlate": "event.cart.id == entry.cart.id",
                             "timeout": "PT1H", "next": "done", "timeoutNext": "tier-check" },
            "tier-check": { "type": "condition",
                            "branches": [ { "when": "data.loyalty.tier.tier == 'gold'", "next": "vip-email" } ],
                            "otherwise": "std-email" },
            "vip-email": { "type": "action", "action": "send-email",
                           "params": { "email": "entry.customer.email", "total": "entry.cart.total * 0.9" },
                           "next": "done", "errorNext": "done" },
            "std-email": { "type": "action", "action": "send-email",
                           "params": { "email": "entry.customer.email", "total": "entry.cart.total" },
                           "next": "done" },
            "done": { "type": "end" }
          }
        }
        """;

    private static CompiledJourney Cart => Compile(SpecJourney);

    [Fact]
    public void The_shopper_orders_within_the_hour_and_no_email_is_sent()
    {
        var driver = new InstanceDriver(Cart);
        Assert.Equal(new WaitForEventCommand("await-order", "order.placed", T0.AddHours(1)), driver.Start().Command);

        var order = driver.Send(
            new EventReceivedInput("order.placed", Json("""{ "id": "o1", "type": "order.placed", "customer": { "id": "p1" }, "cart": { "id": "c1" } }""")),
            T0.AddMinutes(20));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), order.Command);
        Assert.Equal(
            ["Started await-order", "Entered await-order", "Waiting await-order event", "Resumed await-order event",
             "Exited await-order next->done", "Entered done", "Exited done", "Ended done completed"],
            driver.Trace());
    }

    [Fact]
    public void A_gold_member_who_does_not_order_gets_the_vip_email_with_ten_percent_off()
    {
        var driver = new InstanceDriver(Cart);
        driver.Start();

        var timeout = driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));
        Assert.Equal(new FetchDataCommand("tier-check", "loyalty", "tier", "GET", "/members/p1", 300), timeout.Command);

        var tier = driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "tier": "gold", "points": 900 }""")), T0.AddHours(1).AddSeconds(1));
        var call = Assert.IsType<CallActionCommand>(tier.Command);
        Assert.Equal("send-email", call.ActionId);
        Assert.Equal("""{"email":"ann@example.com","total":72}""", call.Params.GetRawText());
        Assert.Equal("i1:vip-email:1", call.IdempotencyKey);

        var sent = driver.CompleteAction(ActionStatus.Ok, 200, """{ "messageId": "m-1" }""", T0.AddHours(1).AddSeconds(2));

        Assert.Equal(new CompleteCommand(InstanceStatus.Completed), sent.Command);
        Assert.Equal(
            ["Started await-order", "Entered await-order", "Waiting await-order event", "Resumed await-order timeout",
             "Exited await-order timeout->tier-check", "Entered tier-check", "Waiting tier-check data", "Resumed tier-check data",
             "DataFetched tier-check loyalty.tier", "Exited tier-check 0->vip-email", "Entered vip-email", "Waiting vip-email action",
             "Resumed vip-email action", "ActionResult vip-email ok", "Exited vip-email next->done", "Entered done", "Exited done",
             "Ended done completed"],
            driver.Trace());
    }

    [Fact]
    public void A_silver_member_gets_the_standard_email_and_a_mailer_failure_errors_the_instance()
    {
        var driver = new InstanceDriver(Cart);
        driver.Start();
        driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));
        var tier = driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "tier": "silver" }""")), T0.AddHours(1));
        Assert.Equal("""{"email":"ann@example.com","total":80}""", Assert.IsType<CallActionCommand>(tier.Command).Params.GetRawText());

        var failed = driver.CompleteAction(ActionStatus.Error, 500, null, T0.AddHours(1).AddSeconds(3));

        Assert.Equal(new CompleteCommand(InstanceStatus.Errored), failed.Command);
        Assert.Contains("Error std-email ACTION_FAILED", driver.Trace());
    }

    [Fact]
    public void Step_events_nest_so_report_counters_add_up()
    {
        var driver = new InstanceDriver(Cart);
        driver.Start();
        driver.Send(new TimerFiredInput(T0.AddHours(1)), T0.AddHours(1));
        driver.Send(new DataFetchedInput("loyalty", "tier", Json("""{ "tier": "gold" }""")), T0.AddHours(1));
        driver.CompleteAction(ActionStatus.TimedOut, null, null, T0.AddHours(1));

        Assert.Equal(Enumerable.Range(1, driver.History.Count).Select(i => (long)i), driver.History.Select(e => e.Sequence));
        Assert.Equal(driver.History.Count, driver.State!.Sequence);
        foreach (var node in new[] { "await-order", "tier-check", "vip-email", "done" })
        {
            var at = driver.History.Where(e => e.Node == node).ToList();
            Assert.Equal(1, at.Count(e => e.Kind == StepEventKind.Entered));
            Assert.Equal(1, at.Count(e => e.Kind == StepEventKind.Exited));
            Assert.Equal(at.Count(e => e.Kind == StepEventKind.Waiting), at.Count(e => e.Kind == StepEventKind.Resumed));
        }

        Assert.Contains("Exited vip-email error->done", driver.Trace());
        Assert.Equal(1, driver.State.Visits["vip-email"]);
        Assert.Equal(["await-order", "done", "tier-check", "vip-email"], driver.State.Visits.Keys);
    }
}
