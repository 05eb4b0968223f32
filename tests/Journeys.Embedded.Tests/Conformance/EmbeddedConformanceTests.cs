using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;

namespace Journeys.Embedded.Tests.Conformance;

/// <summary>The conformance suite on the embedded engine (SQLite file, loopback services).</summary>
public sealed class EmbeddedConformanceTests : ConformanceScenarios
{
    protected override async Task<IJourneyHostUnderTest> StartHostAsync(Func<RecordedRequest, int, ScriptedReply> script) =>
        await EmbeddedHostUnderTest.StartAsync(script);
}
