using System.Text.Json;

namespace Journeys.Runtime.Simulation;

/// <summary>
/// One stubbed answer of a custom action (SPEC §8 <c>actions</c>): consumed by one HTTP attempt, retries included.
/// </summary>
/// <param name="Status">The HTTP status answered (default 200).</param>
/// <param name="Body">The response body; null for an empty body. An omitted body is <c>{}</c>.</param>
/// <param name="DelayMs">How long the answer takes in virtual time; longer than the action's timeout is a timeout.</param>
/// <param name="TimesOut">No answer within the action's timeout.</param>
public sealed record ActionStub(int Status, JsonElement? Body, int DelayMs, bool TimesOut);
