namespace Journeys.Core.Execution;

/// <summary>The journey was stopped (SPEC §4): the instance ends now as <see cref="InstanceStatus.Stopped"/>.</summary>
public sealed record StopInput : StepInput;
