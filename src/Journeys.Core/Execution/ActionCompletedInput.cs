using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// The result of a <see cref="CallActionCommand"/>, matched to it by <paramref name="IdempotencyKey"/> so that a
/// late duplicate of an earlier call's result is never taken for the current one. A failed call carries its cause
/// (<paramref name="ErrorCode"/>, <paramref name="Error"/>: a missing setting and its name, the HTTP status, a
/// transport error, a timeout) and the <paramref name="Attempts"/> made, which the step history records (SPEC §5).
/// </summary>
public sealed record ActionCompletedInput(
    string IdempotencyKey,
    ActionStatus Status,
    int? StatusCode,
    JsonElement? Body,
    long LatencyMs,
    string? ErrorCode = null,
    string? Error = null,
    int? Attempts = null) : StepInput;
