using System.Text.Json;

namespace Journeys.Execution;

/// <summary>
/// The result of a <see cref="CallActionCommand"/>, matched to it by <paramref name="IdempotencyKey"/> so that a
/// late duplicate of an earlier call's result is never taken for the current one.
/// </summary>
public sealed record ActionCompletedInput(
    string IdempotencyKey,
    ActionStatus Status,
    int? StatusCode,
    JsonElement? Body,
    long LatencyMs) : StepInput;
