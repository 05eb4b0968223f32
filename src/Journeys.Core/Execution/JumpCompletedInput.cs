namespace Journeys.Core.Execution;

/// <summary>What became of a <see cref="JumpCommand"/>.</summary>
public sealed record JumpCompletedInput(JumpOutcome Outcome) : StepInput;
