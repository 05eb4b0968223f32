using Journeys.Core.Execution;
using Journeys.TestSupport.Connectors;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// SPEC §5 "a failed step records why" (issue 11 item 5): the cause of a failed action call (missing setting and its
/// name, HTTP status, attempts made) reaches the instance's step history instead of stopping at the connector.
/// </summary>
public sealed class FailedCallCauseTests
{
    [Fact]
    public async Task An_action_whose_secret_setting_is_not_configured_records_the_setting_name_in_its_failed_step()
    {
        var settings = EngineHarness.DefaultSettings.Where(s => s.Key != "Journeys:Secrets:MAILER_TOKEN").ToDictionary(s => s.Key, s => s.Value);
        await using var harness = await EngineHarness.StartAsync(settings: settings);
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        Assert.Equal(0, harness.Mailer.RequestCount);
        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        var result = Assert.Single(instance!.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal("error", result.Outcome);
        Assert.Equal("CONNECTOR_AUTH_SETTING_MISSING", result.Code);
        Assert.Contains("MAILER_TOKEN", result.Message, StringComparison.Ordinal);
        var error = Assert.Single(instance.Steps, s => s.Kind == StepEventKind.Error);
        Assert.Contains("MAILER_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_failing_with_500_after_its_retries_records_the_status_and_the_attempts_made()
    {
        await using var harness = await EngineHarness.StartAsync(mailer: (_, _) => ScriptedReply.Status(503));
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        // send-email allows 3 retries: 4 attempts.
        Assert.Equal(4, harness.Mailer.RequestCount);
        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        var result = Assert.Single(instance!.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal((503, "CONNECTOR_HTTP_STATUS"), (result.StatusCode, result.Code));
        Assert.Contains("503", result.Message, StringComparison.Ordinal);
        Assert.Contains("4 attempts", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_whose_endpoint_drops_every_connection_records_the_transport_error()
    {
        await using var harness = await EngineHarness.StartAsync(mailer: (_, _) => ScriptedReply.Drop);
        await harness.PublishAsync("abandoned-cart");

        await harness.IngestAsync(EngineHarness.CartAbandoned("e1", "c1", "cart-1", 100));
        await harness.WaitUntilIdleAsync();

        var instance = await harness.Engine.GetInstanceAsync("abandoned-cart", "c1");
        var result = Assert.Single(instance!.Steps, s => s.Kind == StepEventKind.ActionResult);
        Assert.Equal("CONNECTOR_CONNECTION_FAILED", result.Code);
        Assert.Contains("Connection failed", result.Message, StringComparison.Ordinal);
        Assert.Contains("4 attempts", result.Message, StringComparison.Ordinal);
    }
}
