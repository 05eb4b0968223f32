using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// Call custom action <paramref name="ActionId"/> with the evaluated <paramref name="Params"/> (a JSON object),
/// sending <paramref name="IdempotencyKey"/> as the <c>Idempotency-Key</c> header; answer with
/// <see cref="ActionCompletedInput"/> carrying the same key.
/// </summary>
public sealed record CallActionCommand(string NodeId, string ActionId, JsonElement Params, string IdempotencyKey) : JourneyCommand;
